package dev.airlock.agent.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A small, unmodified AWS SDK program, run in a forked JVM by the end-to-end tests: it lists buckets and deletes
 * one, synchronously and asynchronously, and prints one line per call saying what became of it.
 *
 * <p>Arguments: the S3 endpoint, then steps: {@code sync}, {@code async}, or {@code wait} (build the synchronous
 * client, list buckets with it, print {@code READY}, then wait for a line on standard input). Each client is built
 * when a step first needs it.
 */
public final class S3Program {

    private S3Program() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        S3Client s3 = null;
        S3AsyncClient s3Async = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "sync" -> {
                        S3Client client = s3 = s3 != null ? s3 : S3Client.builder().endpointOverride(endpoint)
                                .region(Region.US_EAST_1).credentialsProvider(credentials).forcePathStyle(true).build();
                        report("sync ListBuckets", () -> client.listBuckets());
                        report("sync DeleteBucket", () -> client.deleteBucket(b -> b.bucket("doomed-sync")));
                    }
                    case "async" -> {
                        S3AsyncClient client = s3Async = s3Async != null ? s3Async : S3AsyncClient.builder()
                                .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                                .forcePathStyle(true).build();
                        report("async ListBuckets", () -> client.listBuckets().join());
                        report("async DeleteBucket", () -> client.deleteBucket(b -> b.bucket("doomed-async")).join());
                    }
                    case "wait" -> {
                        S3Client client = s3 = s3 != null ? s3 : S3Client.builder().endpointOverride(endpoint)
                                .region(Region.US_EAST_1).credentialsProvider(credentials).forcePathStyle(true).build();
                        report("before ListBuckets", () -> client.listBuckets());
                        System.out.println("READY");
                        System.out.flush();
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    }
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
            if (s3Async != null) {
                s3Async.close();
            }
        }
        System.out.println("DONE");
    }

    private static void report(String what, Supplier<?> call) {
        String result;
        try {
            call.get();
            result = "SENT";
        } catch (CompletionException e) {
            result = failure(e.getCause());
        } catch (RuntimeException e) {
            result = failure(e);
        }
        System.out.println(what + " " + result);
        System.out.flush();
    }

    private static String failure(Throwable t) {
        String type = t.getClass().getSimpleName();
        if (type.equals("AirlockHeldException") || type.equals("AirlockDeniedException")) {
            return (type.equals("AirlockHeldException") ? "HELD " : "DENIED ") + t.getClass().getName()
                    + "|sdkClientException=" + (t instanceof SdkClientException)
                    + "|outcome=" + call(t, "outcome") + "|approvalId=" + call(t, "approvalId")
                    + "|retryable=" + call(t, "retryable") + "|message=" + t.getMessage();
        }
        return "FAILED " + t;
    }

    private static Object call(Throwable t, String method) {
        try {
            return t.getClass().getMethod(method).invoke(t);
        } catch (ReflectiveOperationException e) {
            return "(" + e + ")";
        }
    }
}

package dev.airlock.agent.it;

import com.amazonaws.SdkClientException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;

/**
 * A small, unmodified AWS SDK for Java v1 program: lists buckets and deletes one, printing one line per call
 * saying what became of it. Argument: the S3 endpoint.
 */
public final class V1S3Program {

    private V1S3Program() {
    }

    public static void main(String[] args) {
        AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(args[0], "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIDEXAMPLE", "secret")))
                .build();
        try {
            report("v1 ListBuckets", () -> s3.listBuckets());
            report("v1 DeleteBucket", () -> s3.deleteBucket("doomed-v1"));
        } finally {
            s3.shutdown();
        }
        System.out.println("DONE");
    }

    private static void report(String what, Runnable call) {
        String result;
        try {
            call.run();
            result = "SENT";
        } catch (RuntimeException e) {
            String type = e.getClass().getSimpleName();
            result = type.equals("AirlockHeldV1Exception") || type.equals("AirlockDeniedV1Exception")
                    ? (type.equals("AirlockHeldV1Exception") ? "HELD " : "DENIED ") + e.getClass().getName()
                    + "|sdkClientException=" + (e instanceof SdkClientException)
                    + "|retryable=" + ((SdkClientException) e).isRetryable() + "|message=" + e.getMessage()
                    : "FAILED " + e;
        }
        System.out.println(what + " " + result);
        System.out.flush();
    }
}

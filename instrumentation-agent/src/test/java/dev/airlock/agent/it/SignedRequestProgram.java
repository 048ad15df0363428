package dev.airlock.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.auth.signer.params.AwsS3V4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.signer.Signer;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * A tool that goes round the SDK client: it builds requests by hand, signs them with the SDK's own signers and
 * sends them with other HTTP clients, or presigns them into URLs. Then the same through SDK clients. One line per
 * attempt: {@code NAME SENT <status>}, {@code NAME HELD <message>} or {@code NAME FAILED <error>}.
 *
 * <p>Arguments: the endpoint of an {@link ObjectStoreStand} that holds bucket {@code keep} with {@code a.txt}.
 */
public final class SignedRequestProgram {

    private static final AwsCredentialsIdentity IDENTITY = AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret");
    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEXAMPLE", "secret");

    private SignedRequestProgram() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        AwsV4HttpSigner sra = AwsV4HttpSigner.create();
        HttpClient javaHttp = HttpClient.newHttpClient();
        try (SdkHttpClient apache = Apache5HttpClient.create()) {
            report("sra+java.net.http DeleteBucket", () -> sendJava(javaHttp,
                    sraSign(sra, request(SdkHttpMethod.DELETE, endpoint + "/keep", Map.of()), null, "s3")));
            // Refused, it enters a signing stage of its own with the request, so that the pipeline's check might
            // take the request for the pipeline's, then signs it by hand.
            report("own-stage+java.net.http DeleteBucket", () -> {
                SdkHttpFullRequest doomed = fullRequest(SdkHttpMethod.DELETE, endpoint + "/keep", Map.of(), null);
                try {
                    new software.amazon.awssdk.core.internal.http.pipeline.stages.SigningStage(
                            software.amazon.awssdk.core.internal.http.HttpClientDependencies.builder()
                                    .clientConfiguration(software.amazon.awssdk.core.client.config
                                            .SdkClientConfiguration.builder().build()).build())
                            .execute(doomed, null);
                } catch (Exception expected) {
                    // no context: the stage stops at once, after whatever marks its entry
                }
                return sendJava(javaHttp, sraSign(sra, doomed, null, "s3"));
            });
            report("sra+apache DeleteBucket", () -> sendApache(apache,
                    sraSign(sra, request(SdkHttpMethod.DELETE, endpoint + "/keep", Map.of()), null, "s3")));
            report("sra-async DeleteBucket", () -> {
                sra.signAsync(r -> r.identity(IDENTITY).request(request(SdkHttpMethod.DELETE, endpoint + "/keep",
                        Map.of())).putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).join();
                return "signed";
            });
            report("legacy+urlconnection DeleteBucket", () -> sendUrlConnection(
                    legacySign(Aws4Signer.create(), request(SdkHttpMethod.DELETE, endpoint + "/keep", Map.of()), null,
                            "s3")));
            report("legacy-s3+urlconnection DeleteObject", () -> sendUrlConnection(
                    legacySign(AwsS3V4Signer.create(), request(SdkHttpMethod.DELETE, endpoint + "/keep/a.txt",
                            Map.of()), null, "s3")));
            report("legacy-presign DeleteObject", () -> sendUrlConnection(AwsS3V4Signer.create().presign(
                    fullRequest(SdkHttpMethod.DELETE, endpoint + "/keep/a.txt", Map.of(), null),
                    Aws4PresignerParams.builder().awsCredentials(CREDENTIALS).signingName("s3")
                            .signingRegion(Region.US_EAST_1).expirationTime(java.time.Instant.now().plusSeconds(300))
                            .build())));
            try (S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
                report("presigner DeleteObject", () -> sendUrlConnection("DELETE", presigner.presignDeleteObject(
                        p -> p.signatureDuration(Duration.ofMinutes(5)).deleteObjectRequest(d -> d.bucket("keep")
                                .key("a.txt"))).url(), Map.of(), null));
                report("presigner GetObject", () -> sendUrlConnection("GET", presigner.presignGetObject(
                        p -> p.signatureDuration(Duration.ofMinutes(5)).getObjectRequest(d -> d.bucket("keep")
                                .key("a.txt"))).url(), Map.of(), null));
            }
            String deleteTable = "{\"TableName\":\"orders\"}";
            report("sra+java.net.http DynamoDB DeleteTable", () -> sendJava(javaHttp, sraSign(sra,
                    request(SdkHttpMethod.POST, endpoint + "/", Map.of("X-Amz-Target", "DynamoDB_20120810.DeleteTable",
                            "Content-Type", "application/x-amz-json-1.0")), deleteTable, "dynamodb")));
            String deleteStack = "Action=DeleteStack&Version=2010-05-15&StackName=prod-stack";
            report("legacy+urlconnection CloudFormation DeleteStack", () -> sendUrlConnection(legacySign(
                    Aws4Signer.create(), request(SdkHttpMethod.POST, endpoint + "/", Map.of("Content-Type",
                            "application/x-www-form-urlencoded; charset=utf-8")), deleteStack, "cloudformation")));
            report("sra+java.net.http GetObject", () -> sendJava(javaHttp,
                    sraSign(sra, request(SdkHttpMethod.GET, endpoint + "/keep/a.txt", Map.of()), null, "s3")));
            report("legacy+apache GetObject", () -> sendApache(apache, signedAsSra(legacySign(Aws4Signer.create(),
                    request(SdkHttpMethod.GET, endpoint + "/keep/a.txt", Map.of()), null, "s3"))));
        }
        pipeline(endpoint, sra, javaHttp);
        System.out.println("DONE");
    }

    /** The same kinds of call through SDK clients, whose pipeline hook decides them. */
    private static void pipeline(String endpoint, AwsV4HttpSigner sra, HttpClient javaHttp) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(CREDENTIALS);
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
             S3AsyncClient s3Async = S3AsyncClient.builder().endpointOverride(URI.create(endpoint))
                     .region(Region.US_EAST_1).credentialsProvider(credentials).forcePathStyle(true).build()) {
            report("pipeline ListBuckets", () -> s3.listBuckets().buckets().size());
            // Code of the tool's own that runs inside a client call does not sign as the pipeline does.
            report("pipeline GetObject", () -> s3.getObject(b -> b.bucket("keep").key("a.txt"),
                    (ResponseTransformer<GetObjectResponse, Integer>) (response, in) -> {
                        report("inside a pipeline read: sra+java.net.http DeleteBucket", () -> sendJava(javaHttp,
                                sraSign(sra, request(SdkHttpMethod.DELETE, endpoint + "/keep", Map.of()), null,
                                        "s3")));
                        return in.readAllBytes().length;
                    }));
            report("pipeline DeleteBucket allowed-sync", () -> s3.deleteBucket(b -> b.bucket("allowed-sync"))
                    .sdkHttpResponse().statusCode());
            report("pipeline DeleteBucket keep", () -> s3.deleteBucket(b -> b.bucket("keep"))
                    .sdkHttpResponse().statusCode());
            try (S3Client wrapped = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).forcePathStyle(true)
                    .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.SIGNER, new HeaderSigner()))
                    .build()) {
                report("pipeline with own signer DeleteBucket allowed-wrapped", () -> wrapped.deleteBucket(
                        b -> b.bucket("allowed-wrapped")).sdkHttpResponse().statusCode());
            }
            report("pipeline-async DeleteBucket allowed-async", () -> s3Async.deleteBucket(b -> b.bucket(
                    "allowed-async")).join().sdkHttpResponse().statusCode());
        }
    }

    /** A signer of the tool's own, as some configure on a client: it adds a header and lets the SDK's sign. */
    private static final class HeaderSigner implements Signer {
        private final AwsS3V4Signer delegate = AwsS3V4Signer.create();

        @Override
        public SdkHttpFullRequest sign(SdkHttpFullRequest request, ExecutionAttributes attributes) {
            return delegate.sign(request.toBuilder().putHeader("x-tool", "1").build(), attributes);
        }
    }

    private static SdkHttpRequest request(SdkHttpMethod method, String uri, Map<String, String> headers) {
        return fullRequest(method, uri, headers, null);
    }

    private static SdkHttpFullRequest fullRequest(SdkHttpMethod method, String uri, Map<String, String> headers,
                                                  String body) {
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(method).uri(URI.create(uri));
        headers.forEach(b::putHeader);
        if (body != null) {
            b.contentStreamProvider(ContentStreamProvider.fromUtf8String(body));
        }
        return b.build();
    }

    private static SignedRequest sraSign(AwsV4HttpSigner signer, SdkHttpRequest request, String body,
                                         String signingName) {
        return signer.sign(r -> r.identity(IDENTITY).request(request)
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    }

    private static SdkHttpFullRequest legacySign(Aws4Signer signer, SdkHttpRequest request, String body,
                                                 String signingName) {
        return signer.sign(fullRequest(request, body), Aws4SignerParams.builder().awsCredentials(CREDENTIALS)
                .signingName(signingName).signingRegion(Region.US_EAST_1).build());
    }

    private static SdkHttpFullRequest legacySign(AwsS3V4Signer signer, SdkHttpRequest request, String body,
                                                 String signingName) {
        return signer.sign(fullRequest(request, body), AwsS3V4SignerParams.builder().awsCredentials(CREDENTIALS)
                .signingName(signingName).signingRegion(Region.US_EAST_1).build());
    }

    private static SdkHttpFullRequest fullRequest(SdkHttpRequest request, String body) {
        return fullRequest(request.method(), request.getUri().toString(), flat(request), body);
    }

    private static Map<String, String> flat(SdkHttpRequest request) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        request.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        return headers;
    }

    private static SignedRequest signedAsSra(SdkHttpFullRequest signed) {
        return SignedRequest.builder().request(signed).payload(signed.contentStreamProvider().orElse(null)).build();
    }

    private static int sendJava(HttpClient client, SignedRequest signed) throws Exception {
        SdkHttpRequest r = signed.request();
        byte[] body = signed.payload().isPresent() ? signed.payload().get().newStream().readAllBytes() : new byte[0];
        HttpRequest.Builder b = HttpRequest.newBuilder(r.getUri()).method(r.method().name(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        r.headers().forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int sendApache(SdkHttpClient client, SignedRequest signed) throws IOException {
        return client.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call().httpResponse().statusCode();
    }

    private static int sendUrlConnection(SdkHttpFullRequest signed) throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        signed.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        byte[] body = signed.contentStreamProvider().isPresent()
                ? signed.contentStreamProvider().get().newStream().readAllBytes() : null;
        return sendUrlConnection(signed.method().name(), signed.getUri().toURL(), headers, body);
    }

    private static int sendUrlConnection(String method, URL url, Map<String, String> headers, byte[] body)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod(method);
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                c.setRequestProperty(k, v);
            }
        });
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    private static boolean refusal(Throwable t) {
        String type = t.getClass().getSimpleName();
        return type.startsWith("AirlockHeld") || type.startsWith("AirlockDenied");
    }

    private static void report(String what, Callable<?> call) {
        String result;
        try {
            result = "SENT " + call.call();
        } catch (Throwable e) {
            Throwable t = e;
            while ((t instanceof CompletionException || !refusal(t)) && t.getCause() != null) {
                t = t.getCause();
            }
            String type = t.getClass().getSimpleName();
            result = type.startsWith("AirlockHeld") ? "HELD " + t.getMessage()
                    : type.startsWith("AirlockDenied") ? "DENIED " + t.getMessage() : "FAILED " + e;
        }
        System.out.println(what + " " + result);
        System.out.flush();
    }
}

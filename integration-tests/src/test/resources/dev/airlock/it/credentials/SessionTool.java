import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A plain SDK program, as an AI tool would be: its own default credentials, S3 calls, a request it signs by hand
 * and a child process. Knows nothing of Airlock. Each step prints one line: STEP name ok|held|error detail.
 * Compiled and run as a single source file, so the same program runs on any SDK version's class path.
 */
public class SessionTool {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .build()) {
            for (int i = 1; i < args.length; i++) {
                String[] step = args[i].split(":", 3);
                try {
                    System.out.println("STEP " + args[i] + " ok " + run(s3, endpoint, step));
                } catch (Exception e) {
                    // Stopped by Airlock, whether held for a human or denied.
                    boolean held = e.getClass().getSimpleName().startsWith("AirlockHeld")
                            || e.getClass().getSimpleName().startsWith("AirlockDenied");
                    System.out.println("STEP " + args[i] + (held ? " held " : " error ") + e.getClass().getSimpleName()
                            + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
                }
            }
        }
    }

    private static String run(S3Client s3, URI endpoint, String[] step) throws Exception {
        switch (step[0]) {
            case "put": {
                String[] bk = step[1].split("/", 2);
                s3.putObject(b -> b.bucket(bk[0]).key(bk[1]), RequestBody.fromString("data"));
                return "";
            }
            case "delete": {
                String[] bk = step[1].split("/", 2);
                s3.deleteObject(b -> b.bucket(bk[0]).key(bk[1]));
                return "";
            }
            case "delete-same": {
                String[] bk = step[2].split("/", 2);
                for (int n = Integer.parseInt(step[1]); n > 0; n--) {
                    s3.deleteObject(b -> b.bucket(bk[0]).key(bk[1]));
                }
                return "";
            }
            case "delete-many": {
                String[] bk = step[2].split("/", 2);
                for (int n = 0; n < Integer.parseInt(step[1]); n++) {
                    String key = bk[1] + n;
                    s3.deleteObject(b -> b.bucket(bk[0]).key(key));
                }
                return "";
            }
            case "read": {
                String[] bk = step[2].split("/", 2);
                for (int n = Integer.parseInt(step[1]); n > 0; n--) {
                    s3.listObjectsV2(b -> b.bucket(bk[0]).prefix(bk[1]));
                }
                return "";
            }
            case "handsigned-delete-bucket":
                return handSignedDeleteBucket(endpoint, step[1]);
            case "python-delete-bucket": {
                Process p = new ProcessBuilder("python3", step[2], endpoint.toString(), step[1])
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim().replace('\n', ' ');
                return "exit=" + p.waitFor() + " " + out;
            }
            default:
                throw new IllegalArgumentException("unknown step " + step[0]);
        }
    }

    /** What a tool that goes round the SDK client does: it signs with the SDK's signer and sends it itself. */
    private static String handSignedDeleteBucket(URI endpoint, String bucket) throws Exception {
        AwsCredentials credentials = DefaultCredentialsProvider.create().resolveCredentials();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.DELETE)
                .uri(URI.create(endpoint + "/" + bucket)).putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(credentials).signingName("s3").signingRegion(Region.US_EAST_1).build());
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.getUri()).DELETE();
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host")) {
                h.getValue().forEach(v -> http.header(h.getKey(), v));
            }
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(http.build(),
                HttpResponse.BodyHandlers.ofString());
        return "status=" + response.statusCode() + " key=" + credentials.accessKeyId();
    }
}

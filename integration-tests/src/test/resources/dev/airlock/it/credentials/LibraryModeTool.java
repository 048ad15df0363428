import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.sdk.AirlockExecutionInterceptor;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Library mode without the agent: Airlock's interceptor registered on a client whose own key is AKIALIBRARYCLIENT,
 * asking a guard that answers every call with the session ASIALIBRARYSESSION. Deletes BUCKET/KEY.
 */
public class LibraryModeTool {

    public static void main(String[] args) {
        CallGuard guard = new CallGuard() {
            @Override
            public int screen(String sdkService, String signingName, String operation) {
                return NEEDS_REQUEST;
            }

            @Override
            public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request,
                                     ProbeChannel probes) {
                return CallAnswer.proceedWith(Map.of("accessKeyId", "ASIALIBRARYSESSION", "secretAccessKey", "s",
                        "sessionToken", "library-session-token"));
            }
        };
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create(args[0]))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIALIBRARYCLIENT", "c")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new AirlockExecutionInterceptor(guard)))
                .build()) {
            s3.deleteObject(b -> b.bucket(args[1]).key(args[2]));
            System.out.println("deleted");
        }
    }
}

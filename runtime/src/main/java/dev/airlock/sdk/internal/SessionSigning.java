package dev.airlock.sdk.internal;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Puts a per-action session on one SDK v2 request, as a request-level credentials override. Set before the SDK
 * resolves the call's identity (at the agent's hook, the entry of the execution context builder), it is honoured
 * by every SDK from 2.21 on; the library-mode interceptor also sets it in {@code modifyRequest} (honoured from
 * 2.47) and as the signer's credentials attribute (2.21 to 2.46).
 */
public final class SessionSigning {

    private SessionSigning() {
    }

    /** The credentials of an answer's session map. */
    public static AwsCredentials credentials(Map<String, String> session) {
        String key = session.get("accessKeyId");
        String secret = session.get("secretAccessKey");
        String token = session.get("sessionToken");
        return token == null ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token);
    }

    /**
     * A copy of {@code request} whose override configuration signs it with {@code session}, keeping every other
     * override the caller set.
     *
     * @return null when the request is not an AWS request and cannot carry credentials
     */
    public static SdkRequest withSession(SdkRequest request, Map<String, String> session) {
        if (!(request instanceof AwsRequest)) {
            return null;
        }
        AwsRequest aws = (AwsRequest) request;
        StaticCredentialsProvider provider = StaticCredentialsProvider.create(credentials(session));
        AwsRequestOverrideConfiguration override = aws.overrideConfiguration()
                .map(o -> o.toBuilder().credentialsProvider(provider).build())
                .orElseGet(() -> AwsRequestOverrideConfiguration.builder().credentialsProvider(provider).build());
        return aws.toBuilder().overrideConfiguration(override).build();
    }
}

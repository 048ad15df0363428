package dev.airlock.credentials;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A short-lived session a call is signed with.
 *
 * @param sessionPolicy the session policy it was issued under (JSON), for the audit; may be null
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                 String sessionPolicy) {

    public SessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** The plain form that crosses the bridge to the SDK hooks. */
    public Map<String, String> asMap() {
        return sessionToken == null
                ? Map.of("accessKeyId", accessKeyId, "secretAccessKey", secretAccessKey,
                        "expiration", String.valueOf(expiration))
                : Map.of("accessKeyId", accessKeyId, "secretAccessKey", secretAccessKey,
                        "sessionToken", sessionToken, "expiration", String.valueOf(expiration));
    }

    @Override
    public String toString() {
        return "SessionCredentials[" + accessKeyId + ", expires " + expiration + "]";
    }
}

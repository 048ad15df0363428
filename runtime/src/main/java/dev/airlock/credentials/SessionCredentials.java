package dev.airlock.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A short-lived session a call is signed with.
 *
 * @param sessionPolicy the session policy it was issued under (JSON), for the audit; may be null
 * @param notes what the audit should know about how its policy was built; never null
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                 String sessionPolicy, List<String> notes) {

    public SessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                              String sessionPolicy) {
        this(accessKeyId, secretAccessKey, sessionToken, expiration, sessionPolicy, List.of());
    }

    /** The same session, described by {@code policy} for the audit. */
    public SessionCredentials describedBy(String policy, List<String> why) {
        return new SessionCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, policy, why);
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

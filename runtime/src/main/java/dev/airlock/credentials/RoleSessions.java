package dev.airlock.credentials;

import java.util.List;
import java.util.Map;

/**
 * STS AssumeRole as the broker needs it, on Airlock's own credentials (never the tool's). Implemented in the
 * egress on Airlock's relocated SDK ({@code EgressParts.roleSessions}); tests may stand in for it.
 */
public interface RoleSessions {

    /**
     * One AssumeRole call.
     *
     * @throws CredentialsException carrying STS's error code and message, or the timeout
     */
    SessionCredentials assumeRole(Request request) throws CredentialsException;

    /**
     * What AssumeRole receives.
     *
     * @param policy the inline session policy ({@code Policy}), or null
     * @param policyArns managed session policies ({@code PolicyArns})
     * @param tags session tags, key to value
     */
    record Request(String roleArn, String sessionName, String policy, List<String> policyArns, int durationSeconds,
                   String sourceIdentity, Map<String, String> tags) {

        public Request {
            policyArns = List.copyOf(policyArns);
            tags = Map.copyOf(tags);
        }
    }

    /** STS said the session's policies and tags, packed, are over its limit ({@code PackedPolicyTooLarge}). */
    final class PackedPolicyTooLarge extends CredentialsException {
        private static final long serialVersionUID = 1L;

        public PackedPolicyTooLarge(String message) {
            super(message);
        }
    }
}

package dev.airlock.credentials;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.credentials.internal.SessionPolicyWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The session policy a per-action STS session is issued under: the call's IAM actions (and the actions the
 * service also needs for it) on the call's exact resources, and nothing else. Generated from the catalog.
 *
 * @param json the policy document, compact, as STS receives it in {@code Policy}; null for a session narrowed by
 *     managed policies alone
 * @param managedPolicyArns managed session policies ({@code PolicyArns}), e.g. the read-only one
 * @param actions every action the policy allows
 * @param notes what the audit should know about how it was built (a {@code *} resource, a shortened policy)
 */
public record SessionPolicy(String json, List<String> managedPolicyArns, List<String> actions, List<String> notes) {

    /** STS's limit on the plaintext of inline and managed session policies together. */
    public static final int MAX_PLAINTEXT = 2048;

    public SessionPolicy {
        managedPolicyArns = List.copyOf(managedPolicyArns);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    /**
     * The least-privilege policy for {@code call}.
     *
     * @throws CredentialsException when no policy within STS's limits can allow the call without widening it
     */
    public static SessionPolicy forCall(Call call, ActionCatalog catalog) throws CredentialsException {
        return SessionPolicyWriter.forCall(call, catalog, MAX_PLAINTEXT);
    }

    /** The shared read-only session: the role narrowed by a managed read-only policy. */
    public static SessionPolicy readOnly(String managedPolicyArn) {
        return new SessionPolicy(null, List.of(Objects.requireNonNull(managedPolicyArn)), List.of(), List.of());
    }

    /** True for the shared read-only session's policy. */
    public boolean readOnly() {
        return json == null;
    }

    /** A digest of what the policy allows: sessions are shared between calls whose policies have the same one. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(json).getBytes(StandardCharsets.UTF_8));
            for (String arn : managedPolicyArns) {
                sha.update((byte) 0);
                sha.update(arn.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

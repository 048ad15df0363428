package dev.airlock.approval;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The approval service's signed statement that one exact call may proceed: bound to the call's fingerprint,
 * naming who approved, expiring, and good for a counted number of uses (one unless set otherwise). The agent
 * checks the signature with the service's public key; the guarded process never holds the signing key.
 *
 * @param id unique per grant, so that a use is taken once across every agent ({@code grt-...})
 * @param approvalId the request it approves
 * @param fingerprint the call it approves
 * @param approvers the humans who approved, each once
 * @param expiresAt epoch milliseconds
 * @param uses how many identical calls it lets through
 * @param signature Ed25519 over {@link #signedBytes()}, base64
 */
public record Grant(String id, String approvalId, String fingerprint, List<String> approvers, long expiresAt,
                    int uses, String signature) {

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        approvers = List.copyOf(approvers);
    }

    /** The exact bytes the signature covers: every field but the signature, each length-prefixed. */
    public byte[] signedBytes() {
        StringBuilder sb = new StringBuilder("airlock-grant-v1\n");
        field(sb, id);
        field(sb, approvalId);
        field(sb, fingerprint);
        sb.append(approvers.size()).append('\n');
        for (String a : approvers) {
            field(sb, a);
        }
        sb.append(expiresAt).append('\n').append(uses).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append('\n');
    }

    public Grant signedAs(String signatureBase64) {
        return new Grant(id, approvalId, fingerprint, approvers, expiresAt, uses, signatureBase64);
    }
}

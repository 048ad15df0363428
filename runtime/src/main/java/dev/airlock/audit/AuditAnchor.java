package dev.airlock.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * A witness outside the guarded process that countersigns the head of an audit chain: the approval service, at
 * each approval event and at least every minute. The chain alone is unkeyed, so whoever can write the file can
 * rewrite it and recompute every hash; a rewrite of anything before the last anchor no longer matches what the
 * witness signed. {@code airlock audit verify --anchors} checks a file against its anchors.
 *
 * <p>The approval service implements it ({@code console.AnchorWitness}); the guarded JVM's audit writer sends it
 * heads over HTTP, and {@link AnchorBook} is where the service keeps what it signed.
 */
public interface AuditAnchor {

    /**
     * Countersigns the chain's head as it is now.
     *
     * @param chainId which chain (the audit file's name and host)
     * @param seq the sequence number of the last record
     * @param headHash that record's hash
     * @return what the witness recorded, signed
     */
    Anchor countersign(String chainId, long seq, String headHash);

    /** The anchors the witness holds for {@code chainId}, oldest first. */
    List<Anchor> anchors(String chainId);

    /**
     * One countersigned head.
     *
     * @param seq the record's sequence number
     * @param headHash the record's hash as the chain had it
     * @param epochMillis when the witness signed it
     * @param signature the witness's signature over the other fields; Ed25519 over {@link #signedBytes}, base64
     */
    record Anchor(long seq, String headHash, long epochMillis, String signature) {

        /**
         * What the witness signs: the chain, the head and the time, behind a prefix of their own so that no
         * anchor's bytes can ever read as a grant's (the service signs both with one key).
         */
        public static byte[] signedBytes(String chainId, long seq, String headHash, long epochMillis) {
            return ("airlock-audit-anchor-v1\n" + chainId + "\n" + seq + "\n" + headHash + "\n" + epochMillis + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** A fresh anchor of {@code chainId}'s head, signed with the witness's Ed25519 key. */
        public static Anchor sign(PrivateKey key, String chainId, long seq, String headHash, long epochMillis)
                throws GeneralSecurityException {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signedBytes(chainId, seq, headHash, epochMillis));
            return new Anchor(seq, headHash, epochMillis, Base64.getEncoder().encodeToString(s.sign()));
        }

        /** True when the signature is the witness's over this anchor of {@code chainId}. */
        public boolean signedBy(PublicKey witness, String chainId) {
            if (signature == null || headHash == null) {
                return false;
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(witness);
                s.update(signedBytes(chainId, seq, headHash, epochMillis));
                return s.verify(Base64.getDecoder().decode(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}

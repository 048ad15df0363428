package dev.airlock.audit;

import java.util.List;

/**
 * A witness outside the guarded process that countersigns the head of an audit chain: the approval service, at
 * each approval event and at least every minute. The chain alone is unkeyed, so whoever can write the file can
 * rewrite it and recompute every hash; a rewrite of anything before the last anchor no longer matches what the
 * witness signed. {@code airlock audit verify --anchors} checks a file against its anchors.
 *
 * <p>Only the interface lives here: the approval service implements it on its side.
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
     * @param signature the witness's signature over the other fields; checked by the witness's own client
     */
    record Anchor(long seq, String headHash, long epochMillis, String signature) {
    }
}

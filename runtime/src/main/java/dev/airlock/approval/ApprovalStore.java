package dev.airlock.approval;

import dev.airlock.approval.internal.Votes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the approval service keeps requests and approvers. The embedded default is a journal on local disk
 * ({@link #localDirectory}), the org-wide one a DynamoDB table shared by many service instances. A store is a
 * versioned compare-and-set map: the rules (who may vote, what a vote does, single use) are applied once, here and
 * in {@link Votes}, over {@link #replace}, so every store enforces them alike. Every implementation passes one
 * contract test. The guarded JVM never holds a store: it talks to the service ({@link ApprovalDesk}).
 */
public interface ApprovalStore extends AutoCloseable {

    /** Requests in this JVM's memory, lost at exit: for tests. */
    static ApprovalStore inMemory() {
        return new dev.airlock.approval.internal.InMemoryApprovalStore();
    }

    /** The durable local store: an append-only, fsynced journal in {@code dir}; {@code kill -9} loses nothing. */
    static ApprovalStore localDirectory(Path dir) throws ApprovalException {
        return dev.airlock.approval.internal.JournalApprovalStore.open(dir);
    }

    /** The request with this id, or null. */
    ApprovalRequest find(String id) throws ApprovalException;

    /**
     * Files {@code request} (version 1) unless a request with its id is held and not replaceable (used up or
     * expired); atomic across every user of the store.
     *
     * @return the request as the store now holds it: the new one, or the one filed before
     */
    ApprovalRequest create(ApprovalRequest request) throws ApprovalException;

    /**
     * Writes {@code next} in place of {@code current} only if the store still holds {@code current}'s version.
     * {@code next} carries the version after it.
     *
     * @return false when another writer got there first: read again and retry
     */
    boolean replace(ApprovalRequest current, ApprovalRequest next) throws ApprovalException;

    /** Every request held, in no particular order. */
    List<ApprovalRequest> all() throws ApprovalException;

    /** Records an approver and the hash of their token, replacing an earlier token of the same name. */
    void putApprover(String name, String tokenHash) throws ApprovalException;

    /** The approver whose token has this hash, or null. */
    String approverWithToken(String tokenHash) throws ApprovalException;

    /** Files a request, or finds the live one with its id. */
    default ApprovalRequest submit(ApprovalRequest request) throws ApprovalException {
        return create(request);
    }

    /**
     * Records one approver's decision. The requester never counts; the same approver twice counts once; one deny
     * ends the request; a decided or expired request takes no more votes. The vote that completes the approval
     * attaches a grant signed by {@code signer}.
     *
     * @return the request after the vote
     * @throws ApprovalException when the vote is refused (the message says why) or the store cannot be reached
     */
    default ApprovalRequest vote(String id, Vote vote, GrantSigner signer) throws ApprovalException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ApprovalRequest current = find(id);
            if (current == null) {
                throw new ApprovalException("no approval request " + id);
            }
            long now = System.currentTimeMillis();
            ApprovalRequest next = Votes.apply(current, vote, now);
            if (next == current) {
                return current;
            }
            if (next.state() == ApprovalRequest.State.APPROVED) {
                next = next.withGrant(signer.grantFor(next, now));
            }
            if (replace(current, next)) {
                return next;
            }
        }
        throw new ApprovalException("request " + id + " is being decided by many approvers at once; try again");
    }

    /**
     * Takes one use of the grant {@code grantId} of an approved request: true exactly as many times as the grant
     * allows, across every user of the store; false for a request not approved, used up, expired, or approved by
     * another grant. Idempotent per {@code redemption}: asked again with the same id while the grant is valid, it
     * answers true without taking a second use, so an agent whose answer was lost can ask again safely.
     *
     * @param redemption an id the redeeming agent draws once per call it lets through
     */
    default boolean consume(String id, String grantId, String redemption) throws ApprovalException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ApprovalRequest current = find(id);
            if (current == null || current.grant() == null || !current.grant().id().equals(grantId)) {
                return false;
            }
            ApprovalRequest next = Votes.consumed(current, redemption, System.currentTimeMillis());
            if (next == null) {
                return false;
            }
            if (next == current || replace(current, next)) {
                return true;
            }
        }
        throw new ApprovalException("grant " + grantId + " is contended; try again");
    }

    /** The requests still waiting for approvers, oldest first. */
    default List<ApprovalRequest> pending() throws ApprovalException {
        long now = System.currentTimeMillis();
        List<ApprovalRequest> out = new ArrayList<>();
        for (ApprovalRequest r : all()) {
            if (r.stateAt(now) == ApprovalRequest.State.PENDING) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(ApprovalRequest::createdAt));
        return out;
    }

    /** The latest requests in any state, newest first: who approved or denied what. */
    default List<ApprovalRequest> recent(int max) throws ApprovalException {
        List<ApprovalRequest> out = new ArrayList<>(all());
        out.sort(Comparator.comparingLong(ApprovalRequest::createdAt).reversed());
        return out.size() > max ? out.subList(0, max) : out;
    }

    @Override
    default void close() {
    }
}

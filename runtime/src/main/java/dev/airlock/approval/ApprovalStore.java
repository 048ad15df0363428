package dev.airlock.approval;

import java.util.List;

/**
 * Where approval requests live while humans decide them: filed by the guarded JVM when a call needs approval,
 * decided by approvers through the approval service, and consumed, once per approved use, by the retry of the
 * identical call. One part of the engine ({@code Engine.builder().approvals(...)}); the embedded default is the
 * local approval service, the org-wide one a DynamoDB table. Every implementation passes one contract test.
 *
 * <p>Each operation is atomic for every user of the store, across processes where the store is shared.
 */
public interface ApprovalStore extends AutoCloseable {

    /** No approval service: requests are held with a message that says so. */
    static ApprovalStore none() {
        return dev.airlock.approval.internal.NoApprovals.INSTANCE;
    }

    /** A store in this JVM's memory, lost at exit: for tests and embedded uses that decide in-process. */
    static ApprovalStore inMemory() {
        return new dev.airlock.approval.internal.InMemoryApprovalStore();
    }

    /** False for {@link #none()}: there is nowhere to file a request. */
    default boolean accepts() {
        return true;
    }

    /**
     * Files the request unless one with its id is already filed and still live (pending, approved, or denied and
     * not yet expired); a used-up or expired one is replaced.
     *
     * @return the request as the store holds it: the new one, or the one filed before
     */
    ApprovalRequest submit(ApprovalRequest request) throws ApprovalException;

    /** The request with this id, or null. */
    ApprovalRequest find(String id) throws ApprovalException;

    /**
     * Records one approver's decision. The requester never counts; the same approver twice counts once; one deny
     * ends the request; a decided or expired request takes no more votes.
     *
     * @return the request after the vote
     * @throws ApprovalException when the vote is refused (the message says why) or the store cannot be reached
     */
    ApprovalRequest vote(String id, Vote vote) throws ApprovalException;

    /**
     * Takes one use of an approved request: true exactly as many times as it was approved for, across every user
     * of the store; false for a request that is not approved, is used up or has expired.
     */
    boolean consume(String id) throws ApprovalException;

    /** The requests still waiting for approvers, oldest first. */
    List<ApprovalRequest> pending() throws ApprovalException;

    @Override
    default void close() {
    }
}

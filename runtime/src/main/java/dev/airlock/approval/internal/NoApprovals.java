package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.Vote;
import java.util.List;

/** No approval service is configured: nothing can be filed, so nothing can be approved. */
public final class NoApprovals implements ApprovalStore {

    public static final NoApprovals INSTANCE = new NoApprovals();

    private NoApprovals() {
    }

    @Override
    public boolean accepts() {
        return false;
    }

    @Override
    public ApprovalRequest submit(ApprovalRequest request) throws ApprovalException {
        throw new ApprovalException("no approval service is configured");
    }

    @Override
    public ApprovalRequest find(String id) {
        return null;
    }

    @Override
    public ApprovalRequest vote(String id, Vote vote) throws ApprovalException {
        throw new ApprovalException("no approval service is configured");
    }

    @Override
    public boolean consume(String id) {
        return false;
    }

    @Override
    public List<ApprovalRequest> pending() {
        return List.of();
    }
}

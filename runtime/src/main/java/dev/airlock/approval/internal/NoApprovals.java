package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.GrantVerifier;

/** No approval service is configured: nothing can be filed, so nothing can be approved. */
public final class NoApprovals implements ApprovalDesk {

    public static final NoApprovals INSTANCE = new NoApprovals();

    private NoApprovals() {
    }

    @Override
    public boolean accepts() {
        return false;
    }

    @Override
    public String where() {
        return "no approval service";
    }

    @Override
    public ApprovalRequest file(ApprovalRequest request) throws ApprovalException {
        throw new ApprovalException("no approval service is configured");
    }

    @Override
    public ApprovalRequest status(String id) {
        return null;
    }

    @Override
    public boolean redeem(String id, String grantId, String redemption) {
        return false;
    }

    @Override
    public GrantVerifier verifier() throws ApprovalException {
        throw new ApprovalException("no approval service is configured");
    }
}

package dev.airlock.approval.internal;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantVerifier;
import java.security.PublicKey;

/** The agent's side of approvals on a store in the same JVM (library mode, tests); grants are still verified. */
public final class StoreDesk implements ApprovalDesk {

    private final ApprovalStore store;
    private final GrantVerifier verifier;

    public StoreDesk(ApprovalStore store, PublicKey key) {
        this.store = store;
        this.verifier = new GrantVerifier(key);
    }

    @Override
    public String where() {
        return "the approval store of this process";
    }

    @Override
    public ApprovalRequest file(ApprovalRequest request) throws ApprovalException {
        return store.submit(request);
    }

    @Override
    public ApprovalRequest status(String id) throws ApprovalException {
        return store.find(id);
    }

    @Override
    public boolean redeem(String id, String grantId, String redemption) throws ApprovalException {
        return store.consume(id, grantId, redemption);
    }

    @Override
    public GrantVerifier verifier() {
        return verifier;
    }
}

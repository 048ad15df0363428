package dev.airlock.approval;

class InMemoryApprovalStoreTest extends ApprovalStoreContract {

    @Override
    protected ApprovalStore newStore() {
        return ApprovalStore.inMemory();
    }
}

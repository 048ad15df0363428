package dev.airlock.gate;

class LocalBudgetStoreTest extends BudgetStoreContract {

    @Override
    protected BudgetStore newStore() {
        return BudgetStore.local();
    }
}

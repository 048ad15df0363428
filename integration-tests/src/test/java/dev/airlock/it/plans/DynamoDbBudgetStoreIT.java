package dev.airlock.it.plans;

import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.Egress;
import dev.airlock.gate.BudgetStore;
import dev.airlock.gate.BudgetStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The org-wide budget store, on DynamoDB Local; two stores stand for two JVMs sharing the table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbBudgetStoreIT extends BudgetStoreContract {

    private AirlockConfig settings;

    @BeforeAll
    void table() throws Exception {
        settings = DynamoDbTables.settings(DynamoDbTables.create("airlock-budgets"));
    }

    @Override
    protected BudgetStore newStore() {
        return Egress.parts().dynamoDbBudgets(settings);
    }

    @Override
    protected BudgetStore anotherUserOf(BudgetStore store) {
        return Egress.parts().dynamoDbBudgets(settings);
    }
}

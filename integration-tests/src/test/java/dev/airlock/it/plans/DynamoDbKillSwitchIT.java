package dev.airlock.it.plans;

import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.Egress;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.KillSwitchContract;
import org.junit.jupiter.api.BeforeEach;

/**
 * The org-wide kill switch on DynamoDB Local. A second switch on the same table stands for another JVM.
 */
class DynamoDbKillSwitchIT extends KillSwitchContract {

    private AirlockConfig settings;

    @BeforeEach
    void table() throws Exception {
        settings = DynamoDbTables.settings(DynamoDbTables.create("airlock-kill-switch"));
    }

    @Override
    protected KillSwitch newSwitch() {
        return Egress.parts().dynamoDbKillSwitch(settings);
    }

    @Override
    protected KillSwitch sharingWith(KillSwitch first) {
        return Egress.parts().dynamoDbKillSwitch(settings);
    }
}

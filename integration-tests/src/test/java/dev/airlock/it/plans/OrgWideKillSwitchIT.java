package dev.airlock.it.plans;

import dev.airlock.config.AirlockConfig;
import dev.airlock.egress.Egress;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.KillSwitchContract;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;

/** The kill switch as the agent assembles it with kill-switch.store dynamodb: this machine's flag and the org's. */
class OrgWideKillSwitchIT extends KillSwitchContract {

    private AirlockConfig settings;

    @BeforeEach
    void table() throws Exception {
        settings = DynamoDbTables.settings(DynamoDbTables.create("airlock-kill-switch"));
    }

    @Override
    protected KillSwitch newSwitch() throws Exception {
        return KillSwitch.either(KillSwitch.onMachine(Files.createTempDirectory("airlock-state")),
                Egress.parts().dynamoDbKillSwitch(settings));
    }

    @Override
    protected KillSwitch sharingWith(KillSwitch first) throws Exception {
        // Another machine: its own state directory, the same table.
        return KillSwitch.either(KillSwitch.onMachine(Files.createTempDirectory("airlock-state")),
                Egress.parts().dynamoDbKillSwitch(settings));
    }
}

package dev.airlock.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;
import dev.airlock.it.scenario.EnvironmentResetScenario;
import org.junit.jupiter.api.Test;

/**
 * A bucket of 1,000 objects: the tool deletes them all in one DeleteObjects, the largest S3 allows. It is held
 * like any other, all 1,000 remain, and the audit record names every one of them.
 */
class ThousandKeyDeleteIT extends EnvironmentResetScenario {

    @Override
    protected int objectCount() {
        return 1000;
    }

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        return runWithAgentAtStart(GuardedJvm.sampleTool(), fixture, settings);
    }

    @Test
    void one_call_carried_all_thousand_keys() {
        assertThat(run.step("DeleteObjects ")).startsWith("DeleteObjects " + fixture.bucket() + " (1000 keys)");
        assertThat(run.stdout()).filteredOn(l -> l.startsWith("DeleteObjects ")).hasSize(1);
    }

    @Test
    void the_audit_record_lists_every_key() {
        AuditTrail.Entry held = audit().find("DeleteObjects", "HOLD")
                .orElseThrow(() -> new AssertionError("no HOLD record for DeleteObjects:\n" + audit().describe()));
        String everything = String.join("\n", held.texts());
        assertThat(before.objectKeys()).hasSize(1000)
                .allSatisfy(key -> assertThat(everything).contains(fixture.bucket() + "/" + key));
    }
}

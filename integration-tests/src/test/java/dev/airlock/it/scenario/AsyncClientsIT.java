package dev.airlock.it.scenario;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;

/** The same tool on the SDK's async clients (Netty): a held call must fail the future, not hang it. */
class AsyncClientsIT extends EnvironmentResetScenario {

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        return runWithAgentAtStart(GuardedJvm.sampleTool(), fixture, settings, "--async");
    }
}

package dev.airlock.it.scenario;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;

/** {@code java -javaagent:airlock-agent.jar -cp tool-and-sdk Tool}: sync clients, the agent there from the start. */
class AgentAtStartIT extends EnvironmentResetScenario {

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        return runWithAgentAtStart(GuardedJvm.sampleTool(), fixture, settings);
    }
}

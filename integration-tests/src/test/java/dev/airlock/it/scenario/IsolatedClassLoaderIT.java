package dev.airlock.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;
import org.junit.jupiter.api.Test;

/**
 * The SDK and the tool in their own class loader, parented by the platform loader, as plugin hosts do: nothing
 * the agent puts on the application class path is visible to the SDK there, and reads must still work.
 */
class IsolatedClassLoaderIT extends EnvironmentResetScenario {

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        GuardedJvm launcher = GuardedJvm
                .of(BuildPaths.sampleClasses().toString(), "dev.airlock.sample.IsolatedLauncher")
                .arguments(java.util.List.of(BuildPaths.sampleClasspath(), "dev.airlock.sample.EnvironmentResetTool"));
        return runWithAgentAtStart(launcher, fixture, settings);
    }

    @Test
    void the_sdk_really_was_isolated() {
        assertThat(run.stdout()).as(run.transcript())
                .contains("isolated-launcher: the SDK is loaded by class loader 'isolated-tool' only");
    }
}

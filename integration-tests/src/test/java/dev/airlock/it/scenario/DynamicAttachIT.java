package dev.airlock.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import dev.airlock.sample.EnvironmentResetTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tool is already running, its clients built and used once, when {@code airlock attach PID} loads the agent
 * into its JVM. The clients built before the attach must be guarded too.
 */
class DynamicAttachIT extends EnvironmentResetScenario {

    @Override
    protected ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception {
        Path agentJar = BuildPaths.agentJar();
        GuardedJvm jvm = GuardedJvm.sampleTool()
                .allowingDynamicAttach()
                .environment(fixture.backend().environment())
                .arguments(fixture.toolArguments())
                .arguments(List.of("--wait-for-go"));
        try (RunningJvm child = jvm.start()) {
            child.awaitLine(EnvironmentResetTool.READY_LINE, Duration.ofMinutes(1));
            List<String> attach = new ArrayList<>(
                    List.of("attach", String.valueOf(child.pid()), "--agent", agentJar.toString()));
            settings.asMap().forEach((key, value) -> attach.addAll(List.of("--set", key + "=" + value)));
            ToolRun attached = AirlockCommand.run(attach.toArray(String[]::new));
            if (attached.exitCode() != 0) {
                throw new AssertionError("airlock attach failed:\n" + attached.transcript());
            }
            child.sendLine("go");
            return child.await(TOOL_TIMEOUT);
        }
    }

    @Test
    void the_clients_were_built_and_used_before_the_attach() {
        assertThat(run.step("ListBuckets (warm-up)")).contains(": ok - ");
        assertThat(run.stdout().indexOf(EnvironmentResetTool.READY_LINE))
                .isLessThan(run.stdout().indexOf(run.step("ListObjectsV2 ")));
    }

    @Test
    void the_host_printed_no_warning_about_the_attach() {
        assertThat(run.stderr()).noneMatch(l -> l.contains("WARNING") && l.contains("agent"));
    }
}

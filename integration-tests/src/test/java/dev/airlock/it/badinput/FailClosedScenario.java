package dev.airlock.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.EnvironmentFixture.Inventory;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool runs under an agent whose own settings are broken. Airlock must not crash or hang the tool, must
 * let reads through, and must refuse every destructive call with a message that points at the fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class FailClosedScenario {

    protected Path workDir;
    protected EnvironmentFixture fixture;
    protected Inventory before;
    protected ToolRun run;
    protected Inventory after;

    /** Writes the broken file(s) into {@code workDir} and returns the settings that point at them. */
    protected abstract AirlockSettings brokenSettings(Path workDir) throws Exception;

    /** What the refusal must say so that a human can find the fault: a file name, a line. */
    protected abstract List<String> faultPointers();

    @BeforeAll
    void seedAndRunUnderBrokenSettings() throws Exception {
        String name = getClass().getSimpleName().replaceFirst("IT$", "");
        workDir = BuildPaths.freshWorkDir(name);
        AirlockSettings settings = brokenSettings(workDir);
        fixture = EnvironmentFixture.forPrefix(LocalServers.shared(), "broken-" + name).seed(10, 5, 3);
        before = fixture.inventory();
        GuardedJvm jvm = GuardedJvm.sampleTool()
                .withAgent(BuildPaths.agentJar(), settings.agentArguments())
                .environment(fixture.backend().environment())
                .arguments(fixture.toolArguments());
        try (RunningJvm child = jvm.start()) {
            run = child.await(Duration.ofMinutes(3));
        }
        System.out.println(getClass().getSimpleName() + " tool run:\n" + run.transcript());
        after = fixture.inventory();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void the_tool_was_neither_crashed_nor_hung() {
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.stdout()).anyMatch(l -> l.startsWith("environment-reset-tool: finished"));
    }

    @Test
    void reads_still_work() {
        assertThat(run.step("ListObjectsV2 ")).contains(": ok - 10 objects");
        assertThat(run.step("Scan ")).contains(": ok - 5 items");
        assertThat(run.step("GetQueueAttributes ")).contains(": ok - 3 messages");
    }

    @ParameterizedTest(name = "{0} failed closed and points at the fault")
    @ValueSource(strings = {"DeleteObjects", "DeleteBucket", "DeleteTable", "PurgeQueue", "DeleteQueue"})
    void destructive_call_failed_closed(String operation) {
        String line = run.step(operation + " ");
        assertThat(line).as(run.transcript()).contains(": FAILED - ").contains("Airlock").contains("NOT sent");
        for (String pointer : faultPointers()) {
            assertThat(line).contains(pointer);
        }
    }

    @Test
    void nothing_was_lost() {
        assertThat(after.missing()).as(after.summary()).isEmpty();
        assertThat(after.objectKeys()).isEqualTo(before.objectKeys());
        assertThat(after.itemIds()).isEqualTo(before.itemIds());
        assertThat(after.messages()).isEqualTo(before.messages());
    }

    @Test
    void the_console_says_what_is_broken() {
        String err = String.join("\n", run.stderr());
        assertThat(err).as(run.transcript()).contains("[airlock]");
        for (String pointer : faultPointers()) {
            assertThat(err).contains(pointer);
        }
    }
}

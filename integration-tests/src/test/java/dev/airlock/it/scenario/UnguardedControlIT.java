package dev.airlock.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.EnvironmentFixture.Inventory;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control: the same tool with no Airlock really does destroy everything on these servers. Without it, a
 * guarded scenario that "kept everything" could be passing only because the tool or the servers did nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnguardedControlIT {

    private EnvironmentFixture fixture;
    private Inventory before;
    private ToolRun run;
    private Inventory after;

    @BeforeAll
    void runWithoutAirlock() throws Exception {
        BuildPaths.freshWorkDir("UnguardedControl");
        fixture = EnvironmentFixture.forPrefix(LocalServers.shared(), "reset-unguarded").seed(20, 12, 6);
        before = fixture.inventory();
        GuardedJvm jvm = GuardedJvm.sampleTool()
                .environment(fixture.backend().environment())
                .arguments(fixture.toolArguments());
        try (RunningJvm child = jvm.start()) {
            run = child.await(Duration.ofMinutes(3));
            System.out.println("UnguardedControlIT tool run:\n" + run.transcript());
        }
        after = fixture.inventory();
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "{0} went through")
    @ValueSource(strings = {"DeleteObjects", "DeleteBucket", "DeleteTable", "PurgeQueue", "DeleteQueue"})
    void destructive_call_went_through(String operation) {
        assertThat(run.step(operation + " ")).as(run.transcript()).contains(": ok - ");
    }

    @Test
    void everything_was_lost_and_recreated_empty() {
        assertThat(before.objectKeys()).hasSize(20);
        assertThat(before.itemIds()).hasSize(12);
        assertThat(before.messages()).isEqualTo(6);
        assertThat(after.objectKeys()).as(after.summary()).isEmpty();
        assertThat(after.itemIds()).as(after.summary()).isEmpty();
        assertThat(after.messages()).as(after.summary()).isZero();
    }

    @Test
    void the_tool_never_mentions_airlock() {
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.stdout()).noneMatch(l -> l.contains("Airlock"));
    }
}

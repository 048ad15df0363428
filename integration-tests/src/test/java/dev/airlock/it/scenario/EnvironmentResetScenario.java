package dev.airlock.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.audit.AuditChain;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.EnvironmentFixture.Inventory;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
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
 * The story Airlock exists for: an AI tool asked to reset an environment deletes the bucket, the table and the
 * queue. Each subclass runs the same unmodified tool a different way (agent at start, attached later, isolated
 * class loader, async clients, library mode, LocalStack); the outcome must be the same: the reads worked, every
 * destructive call was held and audited, and nothing was lost.
 *
 * <p>The environment is seeded and the tool run once per class; each test then checks one outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class EnvironmentResetScenario {

    /** How long one run of the tool may take before it counts as hung. */
    protected static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);

    protected EnvironmentFixture fixture;
    protected AirlockSettings settings;
    protected Inventory before;
    protected ToolRun run;
    protected Inventory after;

    /** Runs the tool against {@code fixture}, guarded by Airlock with {@code settings}. */
    protected abstract ToolRun runTool(EnvironmentFixture fixture, AirlockSettings settings) throws Exception;

    protected Backend backend() {
        return LocalServers.shared();
    }

    protected int objectCount() {
        return 20;
    }

    protected int itemCount() {
        return 12;
    }

    protected int messageCount() {
        return 6;
    }

    @BeforeAll
    void seedRunAndCount() throws Exception {
        String name = getClass().getSimpleName().replaceFirst("IT$", "");
        settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir(name));
        fixture = EnvironmentFixture.forPrefix(backend(), "reset-" + name)
                .seed(objectCount(), itemCount(), messageCount());
        before = fixture.inventory();
        run = runTool(fixture, settings);
        System.out.println(getClass().getSimpleName() + " tool run:\n" + run.transcript());
        after = fixture.inventory();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** The usual way: the tool in a child JVM on its own class path, with {@code -javaagent}. */
    protected static ToolRun runWithAgentAtStart(GuardedJvm jvm, EnvironmentFixture fixture, AirlockSettings settings,
                                                 String... extraToolArgs) throws Exception {
        jvm.withAgent(BuildPaths.agentJar(), settings.agentArguments())
                .environment(fixture.backend().environment())
                .arguments(fixture.toolArguments())
                .arguments(List.of(extraToolArgs));
        try (RunningJvm child = jvm.start()) {
            return child.await(TOOL_TIMEOUT);
        }
    }

    protected AuditTrail audit() {
        return AuditTrail.read(settings.auditFile());
    }

    @Test
    void the_tool_ran_every_step_and_exited_normally() {
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.stdout()).as(run.transcript())
                .anyMatch(l -> l.startsWith("environment-reset-tool: finished"));
    }

    @Test
    void the_environment_was_seeded_as_planned() {
        assertThat(before.objectKeys()).hasSize(objectCount());
        assertThat(before.itemIds()).hasSize(itemCount());
        assertThat(before.messages()).isEqualTo(messageCount());
    }

    @Test
    void reads_went_through() {
        assertThat(run.step("ListObjectsV2 ")).contains(": ok - " + objectCount() + " objects");
        assertThat(run.step("Scan ")).contains(": ok - " + itemCount() + " items");
        assertThat(run.step("GetQueueUrl ")).contains(": ok - ");
        assertThat(run.step("GetQueueAttributes ")).contains(": ok - " + messageCount() + " messages");
        assertThat(run.step("ReceiveMessage ")).contains(": ok - peeked ");
    }

    @ParameterizedTest(name = "{0} was held: the tool was told, and the audit says HOLD")
    @ValueSource(strings = {"DeleteObjects", "DeleteBucket", "DeleteTable", "PurgeQueue", "DeleteQueue"})
    void destructive_call_was_held(String operation) {
        String line = run.step(operation + " ");
        assertThat(line).as(run.transcript()).contains(": FAILED - ").contains("Airlock held").contains("NOT sent");
        AuditTrail audit = audit();
        assertThat(audit.find(operation, "HOLD"))
                .as("a HOLD record for %s in %s\n%s", operation, audit.file(), audit.describe())
                .isPresent();
    }

    @Test
    void the_tool_was_told_what_to_do_next() {
        assertThat(run.step("DeleteBucket ")).contains("apr-").contains("Next:");
    }

    @Test
    void every_object_item_and_message_is_still_there() {
        assertThat(after.missing()).as(after.summary()).isEmpty();
        assertThat(after.objectKeys()).isEqualTo(before.objectKeys());
        assertThat(after.itemIds()).isEqualTo(before.itemIds());
        assertThat(after.messages()).isEqualTo(before.messages());
    }

    @Test
    void calls_that_only_create_were_let_through() {
        // They reach the server, which answers that the resource already exists, or returns it.
        assertThat(run.step("CreateBucket ")).doesNotContain("Airlock");
        assertThat(run.step("CreateTable ")).doesNotContain("Airlock");
        assertThat(run.step("CreateQueue ")).contains(": ok - ");
    }

    @Test
    void the_audit_chain_verifies() {
        AuditChain.Verification v = AuditChain.verify(settings.auditFile());
        assertThat(v.ok()).as("audit chain of %s: %s", settings.auditFile(), v).isTrue();
        assertThat(v.records()).isGreaterThanOrEqualTo(5);
    }
}

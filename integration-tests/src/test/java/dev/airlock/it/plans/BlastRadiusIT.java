package dev.airlock.it.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Under the agent, an unmodified tool's destructive calls are held, and each plan reports what is really there,
 * probed through the tool's own clients: the objects and bytes of the bucket (S3Mock), the items of the table
 * (DynamoDB Local), the messages of the queue (ElasticMQ). With sync clients and with async ones, whose probes
 * go through a sync client made like them, on Airlock's own threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BlastRadiusIT {

    private static final int OBJECTS = 20;
    private static final int ITEMS = 12;
    private static final int MESSAGES = 6;

    private final Run sync = new Run("sync");
    private final Run async = new Run("async");

    /** One run of the tool on a fixture of its own. */
    private static final class Run {
        final String name;
        EnvironmentFixture fixture;
        AirlockSettings settings;
        long bytes;
        ToolRun tool;

        Run(String name) {
            this.name = name;
        }

        void go(String... extraArgs) throws Exception {
            settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("BlastRadius-" + name));
            fixture = EnvironmentFixture.forPrefix(LocalServers.shared(), "blast-" + name).seed(OBJECTS, ITEMS,
                    MESSAGES);
            bytes = fixture.backend().s3Client().listObjectsV2(r -> r.bucket(fixture.bucket())).contents().stream()
                    .mapToLong(S3Object::size).sum();
            GuardedJvm jvm = GuardedJvm.sampleTool().withAgent(BuildPaths.agentJar(), settings.agentArguments())
                    .environment(fixture.backend().environment()).arguments(fixture.toolArguments())
                    .arguments(List.of(extraArgs));
            try (RunningJvm child = jvm.start()) {
                tool = child.await(Duration.ofMinutes(3));
            }
            System.out.println("BlastRadiusIT " + name + ":\n" + tool.transcript());
        }

        JsonNode heldPlan(String operation) {
            AuditTrail audit = AuditTrail.read(settings.auditFile());
            AuditTrail.Entry held = audit.find(operation, "HOLD").orElseThrow(() -> new AssertionError(
                    "no HOLD record for " + operation + ":\n" + audit.describe()));
            return held.json().path("plan");
        }
    }

    private Run run(String name) {
        return name.equals("sync") ? sync : async;
    }

    @BeforeAll
    void runTheToolBothWays() throws Exception {
        sync.go();
        async.go("--async");
    }

    @AfterAll
    void close() {
        for (Run r : List.of(sync, async)) {
            if (r.fixture != null) {
                r.fixture.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} clients: the tool finished, nothing was destroyed")
    @ValueSource(strings = {"sync", "async"})
    void theToolFinishedAndEverythingIsStillThere(String name) {
        Run r = run(name);
        assertThat(r.tool.exitCode()).as(r.tool.transcript()).isZero();
        EnvironmentFixture.Inventory after = r.fixture.inventory();
        assertThat(after.objectKeys()).hasSize(OBJECTS);
        assertThat(after.itemIds()).hasSize(ITEMS);
    }

    @ParameterizedTest(name = "{0} clients: DeleteBucket's plan has the object count and total bytes")
    @ValueSource(strings = {"sync", "async"})
    void deleteBucketPlanReportsObjectsAndBytes(String name) {
        Run r = run(name);
        JsonNode plan = r.heldPlan("DeleteBucket");
        assertThat(plan.path("measures").path("objects").asLong()).as(plan.toString()).isEqualTo(OBJECTS);
        assertThat(plan.path("measures").path("bytes").asLong()).as(plan.toString()).isEqualTo(r.bytes);
        assertThat(plan.path("details").toString()).contains("reports/2026/part-0001.csv");
        assertThat(r.tool.step("DeleteBucket ")).as("the tool is told").contains(OBJECTS + " objects");
    }

    @ParameterizedTest(name = "{0} clients: DeleteTable's plan has the item count")
    @ValueSource(strings = {"sync", "async"})
    void deleteTablePlanReportsItems(String name) {
        JsonNode plan = run(name).heldPlan("DeleteTable");
        assertThat(plan.path("measures").path("items").asLong()).as(plan.toString()).isEqualTo(ITEMS);
        assertThat(plan.path("facts").path("deletion protection").asText()).isEqualTo("off");
    }

    @ParameterizedTest(name = "{0} clients: PurgeQueue's plan has the approximate number of messages")
    @ValueSource(strings = {"sync", "async"})
    void purgeQueuePlanReportsMessages(String name) {
        JsonNode plan = run(name).heldPlan("PurgeQueue");
        assertThat(plan.path("measures").path("messages").asLong()).as(plan.toString()).isEqualTo(MESSAGES);
    }

    @ParameterizedTest(name = "{0} clients: the probes' own reads are neither asked about nor audited")
    @ValueSource(strings = {"sync", "async"})
    void probesAreNotAudited(String name) {
        AuditTrail audit = AuditTrail.read(run(name).settings.auditFile());
        // The tool never sends these; the probes do.
        assertThat(audit.entries()).extracting(AuditTrail.Entry::operation).doesNotContain("ListObjectVersions",
                "GetBucketVersioning", "GetObjectLockConfiguration", "DescribeTable", "DescribeContinuousBackups");
        // The tool lists the bucket once; the probes of DeleteObjects and DeleteBucket list it again, unaudited.
        assertThat(audit.entries()).filteredOn(e -> "ListObjectsV2".equals(e.operation())).hasSize(1);
    }
}

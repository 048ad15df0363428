package dev.airlock.it.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Two JVMs under the agent share one destruction budget in DynamoDB (Local): together they never exceed it. Each
 * tries to delete 10 objects at the same moment under a budget of 5 calls per hour; 5 go out in all, every other
 * call is held with the budget's message, and 15 objects remain.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedBudgetIT {

    private static final int PER_JVM = 10;
    private static final int BUDGET = 5;

    @Test
    void twoJvmsTogetherNeverExceedTheSharedBudget() throws Exception {
        Backend backend = LocalServers.shared();
        String bucket = "shared-budget-" + System.nanoTime();
        backend.s3Client().createBucket(r -> r.bucket(bucket));
        List<List<String>> keys = List.of(new ArrayList<>(), new ArrayList<>());
        for (int jvm = 0; jvm < 2; jvm++) {
            for (int i = 0; i < PER_JVM; i++) {
                String key = "jvm-" + jvm + "/object-" + i;
                backend.s3Client().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
                keys.get(jvm).add(key);
            }
        }
        String table = DynamoDbTables.create("airlock-budgets");
        Path work = BuildPaths.freshWorkDir("SharedBudget");
        Path policy = Files.writeString(work.resolve("policy.yaml"), """
                Statement:
                  - Sid: CleanUp
                    Effect: Allow
                    Action: "s3:DeleteObject"
                  - Sid: FivePerHour
                    Effect: RateLimit
                    Action: "s3:DeleteObject"
                    Budget: { PerHour: %d }
                """.formatted(BUDGET));
        AirlockSettings settings = AirlockSettings.inWorkDir(work).with("policy", policy.toString())
                .with("budget.store", "dynamodb").with("budget.table", table)
                .with("aws.endpoint.dynamodb", backend.dynamoDb().toString()).with("aws.region", backend.region())
                .with("state.dir", work.resolve("state").toString());
        String classpath = Path.of(BudgetedDeleter.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()) + File.pathSeparator + BuildPaths.sampleClasspath();
        // The windows are the clock's hours: a run across the turn of an hour would count in two of them.
        if (LocalTime.now().getMinute() == 59) {
            Thread.sleep(Duration.ofSeconds(61 - LocalTime.now().getSecond()).toMillis());
        }

        List<RunningJvm> jvms = new ArrayList<>();
        List<ToolRun> runs = new ArrayList<>();
        try {
            for (int jvm = 0; jvm < 2; jvm++) {
                List<String> args = new ArrayList<>(List.of(backend.s3().toString(), backend.region(), bucket));
                args.addAll(keys.get(jvm));
                jvms.add(GuardedJvm.of(classpath, BudgetedDeleter.class.getName())
                        .withAgent(BuildPaths.agentJar(), settings.agentArguments())
                        .environment(backend.environment()).arguments(args).start());
            }
            for (RunningJvm jvm : jvms) {
                jvm.awaitLine(BudgetedDeleter.READY, Duration.ofMinutes(2));
            }
            for (RunningJvm jvm : jvms) {
                jvm.sendLine("go");
            }
            for (RunningJvm jvm : jvms) {
                runs.add(jvm.await(Duration.ofMinutes(2)));
            }
        } finally {
            jvms.forEach(RunningJvm::close);
        }
        runs.forEach(r -> System.out.println("SharedBudgetIT:\n" + r.transcript()));

        long sent = runs.stream().flatMap(r -> r.stdout().stream()).filter(l -> l.endsWith(": ok")).count();
        List<String> held = runs.stream().flatMap(r -> r.stdout().stream()).filter(l -> l.contains(": FAILED"))
                .toList();
        assertThat(sent).as("calls that went out, both JVMs together").isEqualTo(BUDGET);
        assertThat(held).hasSize(2 * PER_JVM - BUDGET)
                .allSatisfy(l -> assertThat(l).contains("destruction budget FivePerHour is spent"));
        assertThat(backend.s3Client().listObjectsV2(r -> r.bucket(bucket)).keyCount())
                .isEqualTo(2 * PER_JVM - BUDGET);
        AuditTrail audit = AuditTrail.read(settings.auditFile());
        assertThat(audit.entries()).filteredOn(e -> "DeleteObject".equals(e.operation())
                && "PROCEED".equals(e.verdict())).hasSize(BUDGET);
    }
}

package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.audit.AuditLog;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.gate.KillSwitch;
import dev.airlock.plan.FakeChannel;
import dev.airlock.plan.PlanBook;
import dev.airlock.plan.Prober;
import dev.airlock.plan.RecordedPlan;
import dev.airlock.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with probes, budgets and the kill switch, as a host's calls meet them: what the tool is told, what
 * the audit and the plan file hold, how many calls go out.
 */
class GuardrailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<Engine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(Engine::close);
    }

    private Engine engine(Map<String, String> settings, String policy) throws Exception {
        AirlockConfig config = AirlockConfig.of(settings);
        Engine.Builder b = Engine.builder(config)
                .policy(policy == null ? Policy.builtInDefault() : Policy.parse(policy, "test.yaml"))
                .audit(AuditLog.toFile(dir.resolve("audit.jsonl"), Requester.ofThisProcess("coding-agent")))
                .plans(PlanBook.inDirectory(dir.resolve("plans")))
                .probes(Prober.probing(Duration.ofSeconds(5), 10))
                .killSwitch(KillSwitch.onMachine(dir.resolve("state")));
        Engine e = b.build();
        engines.add(e);
        return e;
    }

    private static FakeChannel bucketOf(int objects, long bytesEach) {
        return new FakeChannel()
                .on("ListObjectsV2", r -> {
                    List<Object> contents = new ArrayList<>();
                    for (int i = 0; i < objects; i++) {
                        contents.add(Map.of("Key", "data/file-" + i + ".bin", "Size", bytesEach));
                    }
                    return Map.of("Contents", contents, "IsTruncated", false);
                })
                .on("ListObjectVersions", r -> Map.of("IsTruncated", false))
                .on("GetBucketVersioning", r -> Map.of())
                .on("GetObjectLockConfiguration", r -> Map.of());
    }

    private List<JsonNode> auditLines(Engine engine) throws Exception {
        engine.audit().flush();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    @Test
    void aHeldCallTellsTheToolWhatItWouldDestroyAndTheAuditRecordsThePlan() throws Exception {
        Engine engine = engine(Map.of(), null);
        FakeChannel s3 = bucketOf(7, 1000);

        CallAnswer answer = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "demo-data"), s3);

        assertThat(answer.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(answer.message()).contains("7 objects", "7,000 bytes");
        assertThat(s3.closed).as("the channel is closed once the call is decided").isTrue();
        JsonNode held = auditLines(engine).get(0);
        assertThat(held.path("verdict").asText()).isEqualTo("HOLD");
        assertThat(held.path("plan").path("measures").path("objects").asLong()).isEqualTo(7);
        assertThat(held.path("plan").path("details").toString()).contains("data/file-6.bin: 1,000 bytes");
    }

    @Test
    void aDryRunPlanFileNamesEachObjectAndItsBytesAndRendersAsATable() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.MODE, "dry-run"), null);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add(Map.of("Key", "data/file-" + i + ".bin"));
        }

        CallAnswer emptied = engine.guard().decide("sdk", "S3", "s3", "DeleteObjects", "us-east-1", null,
                Map.of("Bucket", "demo-data", "Delete", Map.of("Objects", keys)), bucketOf(7, 1000));
        CallAnswer deleted = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "demo-data"), bucketOf(7, 1000));
        engine.plans().writeSummary();

        assertThat(List.of(emptied.outcome(), deleted.outcome())).containsOnly("DRY_RUN");
        RecordedPlan plan = RecordedPlan.read(engine.plans().file());
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).details()).hasSize(7)
                .allSatisfy(d -> assertThat(d).matches("object data/file-\\d\\.bin: 1,000 bytes"));
        String table = plan.table();
        assertThat(table).contains("s3:DeleteObject", "s3:DeleteBucket", "7 objects", "object data/file-3.bin: "
                + "1,000 bytes", "In all: 14,000 bytes");
        assertThat(JSON.readTree(plan.json()).path("totals").path("objects").asLong()).isEqualTo(14);
    }

    @Test
    void tenThousandConcurrentDestructiveCallsUnderABudgetOfFivePerMinute() throws Exception {
        Engine engine = engine(Map.of(), """
                Statement:
                  - Sid: LetAgentsClean
                    Effect: Allow
                    Action: "s3:DeleteObject"
                  - Sid: FivePerMinute
                    Effect: RateLimit
                    Action: "s3:DeleteObject"
                    Budget: { PerMinute: 5 }
                """);
        CallGuard guard = engine.guard();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> otherMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            String key = "k-" + i;
            threads.submit(() -> {
                CallAnswer a = guard.decide("sdk", "S3", "s3", "DeleteObject", "us-east-1", null,
                        Map.of("Bucket", "b", "Key", key), null);
                outcomes.computeIfAbsent(a.outcome(), k -> new AtomicInteger()).incrementAndGet();
                if (!a.proceeds() && !a.message().contains("destruction budget FivePerMinute is spent")) {
                    otherMessages.add(a.message());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

        assertThat(outcomes.get(CallAnswer.PROCEED)).hasValue(5);
        assertThat(outcomes.get(CallAnswer.HOLD)).hasValue(9_995);
        assertThat(otherMessages).isEmpty();
        List<JsonNode> audit = auditLines(engine);
        assertThat(audit).hasSize(10_000);
        assertThat(audit).filteredOn(n -> n.path("verdict").asText().equals("PROCEED")).hasSize(5);
    }

    @Test
    void aBudgetInResourcesCountsTheObjectsThePlanFound() throws Exception {
        Engine engine = engine(Map.of(), """
                Statement:
                  - Sid: LetAgentsClean
                    Effect: Allow
                    Action: "s3:DeleteBucket"
                  - Sid: TenObjects
                    Effect: RateLimit
                    Action: "s3:DeleteBucket"
                    Budget: { PerHour: 10, Count: resources }
                """);

        CallAnswer first = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "one"), bucketOf(7, 1));
        CallAnswer second = engine.guard().decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "two"), bucketOf(7, 1));

        assertThat(first.outcome()).isEqualTo(CallAnswer.PROCEED);
        assertThat(second.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(second.message()).contains("TenObjects", "counts 7 resources against 10 resources per hour");
    }

    @Test
    void deleteAndRecreateTripsTheKillSwitchThenDestructiveCallsAreDeniedAndReadsGoOnUntilAReset()
            throws Exception {
        Engine engine = engine(Map.of(), """
                Statement:
                  - Sid: Everything
                    Effect: Allow
                    Action: "*"
                """);
        CallGuard guard = engine.guard();
        assertThat(guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null, Map.of("Bucket", "demo"),
                null).outcome()).isEqualTo(CallAnswer.PROCEED);
        CallAnswer recreated = guard.decide("sdk", "S3", "s3", "CreateBucket", "us-east-1", null,
                Map.of("Bucket", "demo"), null);
        assertThat(recreated.outcome()).as("the create itself is not destructive").isEqualTo(CallAnswer.PROCEED);

        CallAnswer next = guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "other"), null);
        assertThat(next.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(next.message()).contains("kill switch is open", "delete-and-recreate", "arn:aws:s3:::demo",
                "airlock resume");
        assertThat(guard.screen("S3", "s3", "ListObjectsV2")).isEqualTo(CallGuard.PROCEED);
        assertThat(guard.decide("sdk", "S3", "s3", "PutObject", "us-east-1", null,
                Map.of("Bucket", "b", "Key", "k"), null).outcome()).isEqualTo(CallAnswer.PROCEED);
        assertThat(KillSwitch.flagFile(dir.resolve("state"))).as("other JVMs on this machine see it").exists();

        engine.parts().killSwitch().reset("alice");
        assertThat(guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null, Map.of("Bucket", "other"),
                null).outcome()).isEqualTo(CallAnswer.PROCEED);
        List<JsonNode> audit = auditLines(engine);
        assertThat(audit).filteredOn(n -> n.path("verdict").asText().equals("TRIP")).singleElement()
                .satisfies(n -> assertThat(n.path("reason").asText()).contains("delete-and-recreate"));
        assertThat(audit).filteredOn(n -> n.path("verdict").asText().equals("RESET")).singleElement()
                .satisfies(n -> assertThat(n.path("reason").asText()).contains("alice"));
    }

    @Test
    void aBurstOfDestructionTripsTheKillSwitch() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.KILL_SWITCH_BURST, "3/1m"), """
                Statement:
                  - Sid: Everything
                    Effect: Allow
                    Action: "*"
                """);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(engine.guard().decide("sdk", "Sqs", "sqs", "DeleteQueue", null, null,
                    Map.of("QueueUrl", "http://localhost/000000000000/q" + i), null).outcome());
        }
        assertThat(outcomes).containsExactly("PROCEED", "PROCEED", "PROCEED", "DENY", "DENY", "DENY");
        assertThat(engine.parts().killSwitch().openReason()).contains("burst", "more than 3 destructive calls");
    }

    @Test
    void anAirlockHaltFromTheCommandLineReachesARunningEngine() throws Exception {
        Engine engine = engine(Map.of(), """
                Statement:
                  - Sid: Everything
                    Effect: Allow
                    Action: "*"
                """);
        Path state = dir.resolve("state");
        Map<String, String> call = Map.of("QueueUrl", "http://localhost/000000000000/q");
        Path config = Files.writeString(dir.resolve("airlock.yaml"), "state.dir: " + state + "\naudit.file: "
                + dir.resolve("cli-audit.jsonl") + "\n");
        assertThat(dev.airlock.cli.AirlockCli.run("halt", "--config", config.toString(), "--reason",
                "incident 42")).isZero();
        long deadline = System.currentTimeMillis() + 10_000;
        String outcome;
        do {
            Thread.sleep(20);
            outcome = engine.guard().decide("sdk", "Sqs", "sqs", "DeleteQueue", null, null, Map.copyOf(call), null)
                    .outcome();
        } while (!outcome.equals("DENY") && System.currentTimeMillis() < deadline);
        assertThat(outcome).isEqualTo("DENY");

        assertThat(dev.airlock.cli.AirlockCli.run("resume", "--config", config.toString())).isZero();
        do {
            Thread.sleep(20);
            outcome = engine.guard().decide("sdk", "Sqs", "sqs", "DeleteQueue", null, null, Map.copyOf(call), null)
                    .outcome();
        } while (!outcome.equals("PROCEED") && System.currentTimeMillis() < deadline);
        assertThat(outcome).isEqualTo("PROCEED");
        List<String> cliAudit = Files.readAllLines(dir.resolve("cli-audit.jsonl"));
        assertThat(cliAudit).hasSize(2);
        assertThat(cliAudit.get(0)).contains("\"verdict\":\"TRIP\"", "incident 42");
        assertThat(cliAudit.get(1)).contains("\"verdict\":\"RESET\"");
    }
}

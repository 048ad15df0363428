package dev.airlock.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.airlock.audit.AuditChain;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.BuildPaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Operations the catalog has never heard of, and odd requests, through the engine as the SDK hooks call it.
 * Each gets an answer and an audit record; none crashes; nothing unknown is waved through as a read.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnknownOperationIT {

    private static final String ENDPOINT = "http://127.0.0.1:1";

    private AirlockSettings settings;
    private Engine engine;
    private boolean closed;

    @BeforeEach
    void startEngine() throws Exception {
        settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("UnknownOperation"));
        engine = Engine.start(AirlockConfig.of(settings.asMap()));
    }

    @AfterEach
    void closeEngine() {
        if (!closed) {
            engine.close();
        }
    }

    private CallAnswer ask(String sdkService, String signingName, String operation, Map<String, Object> request) {
        if (engine.guard().screen(sdkService, signingName, operation) == CallGuard.PROCEED) {
            return CallAnswer.proceed();
        }
        return engine.guard().decide("sdk", sdkService, signingName, operation, "us-east-1", ENDPOINT, request,
                null);
    }

    private AuditTrail closedAudit() {
        engine.close();
        closed = true;
        return AuditTrail.read(settings.auditFile());
    }

    @Test
    void a_made_up_delete_is_held() {
        CallAnswer answer = ask("Frobnicator", "frobnicator", "DeleteEverything", Map.of("FleetId", "fleet-1"));

        assertThat(answer.proceeds()).isFalse();
        assertThat(answer.message()).contains("DeleteEverything").contains("NOT sent");
        AuditTrail audit = closedAudit();
        assertThat(audit.entries()).as(audit.describe())
                .anyMatch(e -> "DeleteEverything".equals(e.operation())
                        && "DESTRUCTIVE".equals(e.field("classification")));
    }

    @Test
    void a_made_up_describe_proceeds() {
        assertThat(ask("Frobnicator", "frobnicator", "DescribeWidgets", Map.of()).proceeds()).isTrue();
    }

    @Test
    void a_verb_nobody_knows_is_classified_and_not_treated_as_a_read() {
        CallAnswer answer = ask("Frobnicator", "frobnicator", "ObliterateFleet", Map.of("FleetId", "fleet-1"));

        assertThat(answer).isNotNull();
        AuditTrail audit = closedAudit();
        AuditTrail.Entry entry = audit.entries().stream().filter(e -> "ObliterateFleet".equals(e.operation()))
                .findFirst().orElseThrow(() -> new AssertionError("not audited:\n" + audit.describe()));
        assertThat(entry.field("classification")).isIn("WRITE", "DESTRUCTIVE");
    }

    @Test
    void a_real_but_rarely_used_destructive_operation_is_held() {
        CallAnswer answer = ask("S3", "s3", "DeleteBucketOwnershipControls", Map.of("Bucket", "team-data"));

        assertThat(answer.proceeds()).isFalse();
    }

    @Test
    void odd_requests_get_an_answer_and_never_an_exception() {
        Map<String, Object> withNulls = new HashMap<>();
        withNulls.put("Bucket", null);
        withNulls.put("Key", "a\u0000b\u202Ec");
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 200; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("Nested", next);
            cursor = next;
        }
        List<Object> manyKeys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            manyKeys.add(Map.of("Key", "k" + i));
        }
        char[] longName = new char[100_000];
        Arrays.fill(longName, 'x');

        List<Runnable> calls = List.of(
                () -> check(ask("S3", "s3", "DeleteObjects", null)),
                () -> check(ask("S3", "s3", "DeleteObjects", withNulls)),
                () -> check(ask("S3", "s3", "DeleteObjects",
                        Map.of("Bucket", "b", "Delete", Map.of("Objects", manyKeys)))),
                () -> check(ask("DynamoDb", "dynamodb", "DeleteTable", deep)),
                () -> check(ask("S3", "s3", "DeleteBucket", Map.of("Bucket", new String(longName)))),
                () -> check(ask("NoSuchService", null, "PurgeEverything", Map.of())),
                () -> check(ask("", "", "", Map.of())),
                () -> check(ask("Ünïcødé", "ünï", "Lösche", Map.of("Ärger", List.of(1, 2.5, true)))));
        for (Runnable call : calls) {
            assertThatCode(call::run).doesNotThrowAnyException();
        }
        AuditTrail audit = closedAudit();
        assertThat(audit.entries()).isNotEmpty();
        assertThat(AuditChain.verify(settings.auditFile()).ok()).as(AuditChain.verify(settings.auditFile()).toString())
                .isTrue();
    }

    private static void check(CallAnswer answer) {
        assertThat(answer).isNotNull();
        if (!answer.proceeds()) {
            assertThat(answer.message()).isNotBlank();
        }
    }
}

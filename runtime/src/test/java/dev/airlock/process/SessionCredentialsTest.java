package dev.airlock.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import dev.airlock.gate.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seam for per-action sessions: when the gates let a command through with session credentials, the child
 * process gets them as the {@code AWS_*} variables every CLI and SDK reads first. One process carries one session.
 */
class SessionCredentialsTest {

    private static final Path DIR = Path.of("/work");

    private static Map<String, String> session(String key) {
        return Map.of("accessKeyId", key, "secretAccessKey", "secret-" + key, "sessionToken", "token-" + key,
                "expiration", "2030-01-01T00:00:00Z");
    }

    @Test
    void aSessionTheGatesIssueIsWhatTheChildRunsWith() {
        ProcessGuard guard = ProcessGuard.deciding(call -> call.classification() == Classification.READ
                ? Verdict.proceed() : Verdict.proceedWith(session("ASIA1"), "credentials"), new StubCatalog())
                .terraformPlanSeconds(0).build();

        ProcessDecision d = guard.decide(List.of("aws", "s3api", "delete-bucket", "--bucket", "b"), Map.of(), DIR);

        assertThat(d.proceeds()).isTrue();
        assertThat(d.environment()).containsEntry("AWS_ACCESS_KEY_ID", "ASIA1")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "secret-ASIA1")
                .containsEntry("AWS_SESSION_TOKEN", "token-ASIA1")
                .containsEntry("AWS_CREDENTIAL_EXPIRATION", "2030-01-01T00:00:00Z");
    }

    @Test
    void twoDifferentSessionsForOneProcessAreRefused() {
        ProcessGuard guard = ProcessGuard.deciding(call -> Verdict.proceedWith(session(call.operation()),
                "credentials"), new StubCatalog()).terraformPlanSeconds(0).build();

        ProcessDecision d = guard.decide(List.of("sh", "-c",
                "aws s3api delete-bucket --bucket a && aws dynamodb delete-table --table-name t"), Map.of(), DIR);

        assertThat(d.outcome()).isEqualTo("DENY");
        assertThat(d.message()).contains("2 different per-action sessions", "one at a time");
    }

    @Test
    void withoutSessionsTheChildKeepsItsOwnCredentials() {
        ProcessGuard guard = ProcessGuard.deciding(call -> Verdict.proceed(), new StubCatalog())
                .terraformPlanSeconds(0).build();

        ProcessDecision d = guard.decide(List.of("aws", "s3api", "delete-bucket", "--bucket", "b"), Map.of(), DIR);

        assertThat(d.proceeds()).isTrue();
        assertThat(d.environment().keySet()).noneMatch(k -> k.startsWith("AWS_"));
    }

    /** Verbs decide, as far as these tests need. */
    private static final class StubCatalog implements ActionCatalog {
        @Override
        public String servicePrefix(String sdkService, String signingName) {
            return sdkService.toLowerCase(Locale.ROOT);
        }

        @Override
        public Operation operation(String prefix, String name) {
            Classification c = name.startsWith("Delete") ? Classification.DESTRUCTIVE
                    : name.startsWith("List") ? Classification.READ : Classification.WRITE;
            return new Operation(prefix, name, List.of(prefix + ":" + name), c, true);
        }

        @Override
        public ActionInfo action(String iamAction) {
            return null;
        }

        @Override
        public Classification classify(Operation operation, Map<String, Object> request) {
            return operation.classification();
        }

        @Override
        public List<String> resources(Operation o, Map<String, Object> r, String region, String account) {
            return List.of("*");
        }

        @Override
        public int size() {
            return 0;
        }
    }
}

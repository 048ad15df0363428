package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.audit.AuditChain;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM whose Airlock cannot start refuses what changes state, and each refusal is in an audit file. */
class BrokenConfigAuditTest {

    @TempDir
    Path home;

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("user.home", home.toString());
        return p;
    }

    @Test
    void aConfigTooBrokenToNameTheAuditFileRecordsTheRefusalInTheDefaultOneAndSaysSo() throws Exception {
        GuardStartup.Started started = GuardStartup.fromConfig("no.such.setting=1", properties());
        CallGuard guard = started.guard();

        assertThat(guard.screen("S3", "s3", "ListBuckets")).isEqualTo(CallGuard.PROCEED);
        CallAnswer answer = guard.decide("sdk", "S3", "s3", "DeleteBucket", "us-east-1", null,
                Map.of("Bucket", "prod-data"), null);
        started.failClosed().audit().close();

        assertThat(answer.outcome()).isEqualTo(CallAnswer.DENY);
        Path audit = home.resolve(".airlock").resolve("audit.jsonl");
        List<JsonNode> records = lines(audit);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.path("verdict").asText()).isEqualTo("DENY");
            assertThat(r.path("action").asText()).isEqualTo("s3:DeleteBucket");
            assertThat(r.path("reason").asText()).contains("configuration is broken", "no.such.setting",
                    "default audit file");
        });
        assertThat(AuditChain.verify(audit).ok()).isTrue();
    }

    @Test
    void anEngineThatCannotStartRecordsItsRefusalsInTheConfiguredAuditFile() throws Exception {
        Path policy = home.resolve("policy.yaml");
        Files.writeString(policy, "policy: [\n");
        Path audit = home.resolve("logs").resolve("airlock.jsonl");
        GuardStartup.Started started = GuardStartup.fromConfig("policy=" + policy + ",audit.file=" + audit
                + ",plan.dir=" + home.resolve("plans"), properties());

        CallAnswer answer = started.guard().decide("sdk", "DynamoDb", "dynamodb", "DeleteTable", "us-east-1", null,
                Map.of("TableName", "orders"), null);
        started.failClosed().audit().close();

        assertThat(answer.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(lines(audit)).singleElement().satisfies(r -> {
            assertThat(r.path("action").asText()).isEqualTo("dynamodb:DeleteTable");
            assertThat(r.path("reason").asText()).contains("could not start").doesNotContain("default audit file");
        });
        assertThat(home.resolve(".airlock").resolve("audit.jsonl")).doesNotExist();
    }

    @Test
    void readsAloneNeverWriteTheAuditFile() {
        GuardStartup.Started started = GuardStartup.fromConfig("no.such.setting=1", properties());

        assertThat(started.guard().decide("sdk", "S3", "s3", "ListBuckets", "us-east-1", null, Map.of(), null)
                .proceeds()).isTrue();
        started.failClosed().audit().close();

        assertThat(home.resolve(".airlock")).doesNotExist();
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(json.readTree(line));
        }
        return out;
    }
}

package dev.airlock.audit;

import static dev.airlock.audit.AuditFixtures.ALICE;
import static dev.airlock.audit.AuditFixtures.heldDelete;
import static dev.airlock.audit.AuditFixtures.lines;
import static dev.airlock.audit.AuditFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void aReadIsOneLineWithWhoWhatAndTheDecision() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("GetObject"));
            log.flush();

            List<JsonNode> records = lines(file);
            assertThat(records).hasSize(1);
            JsonNode r = records.get(0);
            assertThat(r.get("seq").asLong()).isEqualTo(1);
            assertThat(r.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(r.get("tool").asText()).isEqualTo("coding-agent");
            assertThat(r.get("caller").get("user").asText()).isEqualTo("alice");
            assertThat(r.get("caller").get("host").asText()).isEqualTo("build-7");
            assertThat(r.get("caller").get("pid").asLong()).isEqualTo(4242);
            assertThat(r.get("service").asText()).isEqualTo("s3");
            assertThat(r.get("operation").asText()).isEqualTo("GetObject");
            assertThat(r.get("action").asText()).isEqualTo("s3:GetObject");
            assertThat(r.has("call")).isFalse();
            assertThat(r.get("classification").asText()).isEqualTo("READ");
            assertThat(r.get("verdict").asText()).isEqualTo("PROCEED");
            assertThat(r.get("latencyMicros").decimalValue()).isEqualByComparingTo("12.345");
            assertThat(r.get("prev").asText()).isEqualTo("0".repeat(64));
            assertThat(r.get("hash").asText()).matches("[0-9a-f]{64}");
        }
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 1, 0, null));
    }

    @Test
    void aDecidedReadThatProceedsCarriesNoFingerprintAndADeniedOneDoes() {
        Path file = dir.resolve("audit.jsonl");
        dev.airlock.call.Call call = dev.airlock.call.Call.builder().service("s3").operation("GetObject")
                .actions(List.of("s3:GetObject")).classification(dev.airlock.call.Classification.READ)
                .resources(List.of("arn:aws:s3:::team-a/report.csv")).parameters(java.util.Map.of("Bucket", "team-a"))
                .requester(ALICE).build();
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(new AuditRecord(1L, "s3", "GetObject", "s3:GetObject", dev.airlock.call.Classification.READ,
                    "TeamA", "Allow", "PROCEED", null, null, 1_000, call));
            log.record(new AuditRecord(2L, "s3", "GetObject", "s3:GetObject", dev.airlock.call.Classification.READ,
                    "OnlyTeamB", "Deny", "DENY", "denied", null, 1_000, call));
        }
        List<JsonNode> records = lines(file);
        assertThat(records.get(0).get("call").get("resources").get(0).asText())
                .isEqualTo("arn:aws:s3:::team-a/report.csv");
        assertThat(records.get(0).get("call").has("fingerprint")).isFalse();
        assertThat(records.get(1).get("call").get("fingerprint").asText()).isEqualTo(call.fingerprint());
        assertThat(AuditChain.verify(file).ok()).isTrue();
    }

    @Test
    void aHeldDeleteListsEveryResourceButNoRequestParameters() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(heldDelete(1_000));
        }
        JsonNode r = lines(file).get(0);
        JsonNode call = r.get("call");
        assertThat(call.get("origin").asText()).isEqualTo("sdk");
        assertThat(call.get("service").asText()).isEqualTo("s3");
        assertThat(call.get("operation").asText()).isEqualTo("DeleteObjects");
        assertThat(call.get("actions").get(0).asText()).isEqualTo("s3:DeleteObject");
        assertThat(call.get("resources")).hasSize(1_000);
        assertThat(call.get("resources").get(999).asText()).isEqualTo("arn:aws:s3:::demo-data/reports/999.csv");
        assertThat(call.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(call.get("account").asText()).isEqualTo("123456789012");
        assertThat(call.get("endpoint").asText()).isEqualTo("https://s3.eu-west-1.amazonaws.com");
        assertThat(call.get("fingerprint").asText()).startsWith("sha256:");
        assertThat(r.get("effect").asText()).isEqualTo("RequireApproval");
        assertThat(r.get("verdict").asText()).isEqualTo("HOLD");
        assertThat(r.get("reason").asText()).isEqualTo("needs one approver");
        assertThat(r.get("approvalId").asText()).isEqualTo("apr-123");
        assertThat(r.get("latencyMicros").decimalValue()).isEqualByComparingTo("2500.000");
        assertThat(Files.readString(file)).doesNotContain("secret-owner-token").doesNotContain("parameters");
        assertThat(AuditChain.verify(file).ok()).isTrue();
    }

    @Test
    void reopeningAFileContinuesItsChain() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("ListBuckets"));
            log.record(read("GetObject"));
        }
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(heldDelete(2));
        }
        List<JsonNode> records = lines(file);
        assertThat(records).extracting(r -> r.get("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(records.get(2).get("prev").asText()).isEqualTo(records.get(1).get("hash").asText());
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 3, 0, null));
    }

    @Test
    void afterRotationTheLogWritesANewFileAtThePath() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Path rotated = dir.resolve("audit.jsonl.1");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("ListBuckets"));
            log.flush();
            Files.move(file, rotated);
            Files.move(dir.resolve("audit.jsonl.head"), dir.resolve("audit.jsonl.1.head"));
            Files.writeString(file, ""); // what a rotation tool leaves in its place
            log.record(read("GetObject"));
            log.record(read("HeadObject"));
        }
        assertThat(AuditChain.verify(rotated)).isEqualTo(new AuditChain.Verification(true, 1, 0, null));
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 2, 0, null));
    }

    @Test
    void createsMissingDirectories() {
        Path file = dir.resolve("a/b/c/audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("GetObject"));
        }
        assertThat(AuditChain.verify(file).records()).isEqualTo(1);
    }

    @Test
    void twoLogsOnOneFileKeepOneChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog first = AuditLog.toFile(file, ALICE);
             AuditLog second = AuditLog.toFile(dir.resolve("./audit.jsonl"), ALICE)) {
            Thread a = new Thread(() -> recordMany(first, 500));
            Thread b = new Thread(() -> recordMany(second, 500));
            a.start();
            b.start();
            a.join();
            b.join();
        }
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 1_000, 0, null));
    }

    @Test
    void aWriterFindsTheEndOfAChainBehindAVeryLongRecord() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog first = AuditLog.toFile(file, ALICE); AuditLog second = AuditLog.toFile(file, ALICE)) {
            first.record(read("ListBuckets"));
            first.record(heldDelete(20_000)); // a line of about a megabyte
            first.flush();
            second.record(read("GetObject"));
            second.flush();
            first.record(read("HeadObject"));
        }
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 4, 0, null));
    }

    private static void recordMany(AuditLog log, int n) {
        for (int i = 0; i < n; i++) {
            log.record(read("GetObject"));
            if (i % 50 == 0) {
                log.flush();
            }
        }
    }

    @Test
    void flushWritesEverythingRecordedBeforeIt() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            for (int round = 1; round <= 5; round++) {
                for (int i = 0; i < 100; i++) {
                    log.record(read("GetObject"));
                }
                log.flush();
                assertThat(lines(file)).hasSize(round * 100);
            }
        }
    }

    @Test
    void closeAndFlushAreIdempotentAndRecordingAfterCloseIsHarmless() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = AuditLog.toFile(file, ALICE);
        log.record(read("GetObject"));
        log.close();
        log.close();
        assertThatCode(() -> {
            log.flush();
            log.record(read("GetObject"));
            log.record(heldDelete(1));
        }).doesNotThrowAnyException();
        assertThat(log.file()).isEqualTo(file.toAbsolutePath());
        assertThat(AuditChain.verify(file).records()).isEqualTo(1);
    }

    @Test
    void discardKeepsNothing() {
        AuditLog log = AuditLog.discard();
        log.record(read("GetObject"));
        log.flush();
        log.close();
        assertThat(log.file()).isNull();
    }
}

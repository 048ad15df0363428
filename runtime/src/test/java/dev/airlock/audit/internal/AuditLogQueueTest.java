package dev.airlock.audit.internal;

import static dev.airlock.audit.AuditFixtures.ALICE;
import static dev.airlock.audit.AuditFixtures.heldDelete;
import static dev.airlock.audit.AuditFixtures.lines;
import static dev.airlock.audit.AuditFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.audit.AuditChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What happens when records come faster than the disk takes them, or the disk refuses them. */
@Timeout(30)
class AuditLogQueueTest {

    @TempDir
    Path dir;

    @Test
    void aFullQueueDropsReadsAndTheGapIsOnTheChain() {
        Path file = dir.resolve("audit.jsonl");
        int recorded = 10_000;
        try (ChainedFileAuditLog log = ChainedFileAuditLog.open(file, ALICE, 8)) {
            for (int i = 0; i < recorded; i++) {
                log.record(read("GetObject"));
            }
        }

        List<JsonNode> records = lines(file);
        long decisions = records.stream().filter(r -> r.has("verdict")).count();
        List<JsonNode> gaps = records.stream().filter(r -> r.has("gap")).toList();
        long dropped = gaps.stream().mapToLong(g -> g.get("gap").get("dropped").asLong()).sum();
        assertThat(gaps).isNotEmpty();
        assertThat(gaps.get(0).get("gap").get("queueFull").asLong()).isPositive();
        assertThat(decisions + dropped).isEqualTo(recorded);
        assertThat(AuditChain.verify(file).ok()).isTrue();
    }

    @Test
    void decisionsOnCallsWaitForRoomRatherThanBeDropped() {
        Path file = dir.resolve("audit.jsonl");
        int capacity = 4;
        int recorded = 50;
        try (ChainedFileAuditLog log = ChainedFileAuditLog.open(file, ALICE, capacity)) {
            for (int i = 0; i < recorded; i++) {
                log.record(heldDelete(1));
            }
        }

        List<JsonNode> records = lines(file);
        long decisions = records.stream().filter(r -> r.has("verdict")).count();
        long dropped = records.stream().filter(r -> r.has("gap"))
                .mapToLong(g -> g.get("gap").get("dropped").asLong()).sum();
        // Without waiting, a tight loop fills the queue once and loses nearly everything else.
        assertThat(decisions).isGreaterThan(capacity * 2L);
        assertThat(decisions + dropped).isEqualTo(recorded);
    }

    @Test
    void recordsLostToAFailingDiskAreCountedOnTheChainOnceItWorksAgain() throws Exception {
        Path auditDir = dir.resolve("audit");
        Path file = auditDir.resolve("audit.jsonl");
        try (ChainedFileAuditLog log = ChainedFileAuditLog.open(file, ALICE, 1024)) {
            log.record(read("ListBuckets"));
            log.flush();
            // The directory goes, and a plain file takes its name: the log cannot recreate it.
            Files.delete(file);
            Files.delete(HeadFile.of(file));
            Files.delete(auditDir);
            Files.writeString(auditDir, "in the way");
            log.record(read("GetObject"));
            log.record(read("GetObject"));
            log.flush();
            assertThat(log.pendingGap()).isEqualTo(2);

            Files.delete(auditDir);
            log.record(heldDelete(1));
            log.flush();
        }

        List<JsonNode> records = lines(file);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("gap").get("writeFailed").asLong()).isEqualTo(2);
        assertThat(records.get(1).get("verdict").asText()).isEqualTo("HOLD");
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 2, 0, null));
    }

    @Test
    void theWriterThreadIsADaemonNamedAirlockAudit() {
        try (ChainedFileAuditLog log = ChainedFileAuditLog.open(dir.resolve("audit.jsonl"), ALICE, 16)) {
            Thread writer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("airlock-audit")).findFirst().orElseThrow();
            assertThat(writer.isDaemon()).isTrue();
        }
    }
}

package dev.airlock.audit;

import static dev.airlock.audit.AuditFixtures.ALICE;
import static dev.airlock.audit.AuditFixtures.heldDelete;
import static dev.airlock.audit.AuditFixtures.rawLines;
import static dev.airlock.audit.AuditFixtures.read;
import static dev.airlock.audit.AuditFixtures.writeLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is done to a written audit file, the verifier says so and names the line. */
@Timeout(30)
class AuditChainTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void fiveRecords() {
        file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("ListBuckets"));
            log.record(heldDelete(3));
            log.record(read("GetObject"));
            log.record(heldDelete(1));
            log.record(read("HeadObject"));
        }
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 5, 0, null));
    }

    @Test
    void anEditedRecordIsCaughtAtItsLine() {
        List<String> lines = rawLines(file);
        lines.set(1, lines.get(1).replace("\"HOLD\"", "\"PROCEED\""));
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(2);
        assertThat(v.fault()).contains("line 2").contains("altered");
    }

    @Test
    void anEditWithARecomputedHashIsCaughtAtTheNextLine() {
        List<String> lines = rawLines(file);
        String edited = lines.get(1).replace("\"HOLD\"", "\"PROCEED\"");
        int hashAt = edited.lastIndexOf(",\"hash\":\"");
        String prev = edited.replaceAll(".*\"prev\":\"([0-9a-f]{64})\".*", "$1");
        String canonical = edited.substring(0, hashAt) + "}";
        lines.set(1, edited.substring(0, hashAt) + ",\"hash\":\"" + Fingerprint.sha256Hex(prev + canonical) + "\"}");
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(3);
        assertThat(v.fault()).contains("does not link to the record before it");
    }

    @Test
    void aDeletedRecordIsCaught() {
        List<String> lines = rawLines(file);
        lines.remove(2);
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(3);
        assertThat(v.records()).isEqualTo(2);
    }

    @Test
    void deletingTheFirstRecordIsCaught() {
        List<String> lines = rawLines(file);
        lines.remove(0);
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(1);
        assertThat(v.fault()).contains("records before it were deleted");
    }

    @Test
    void deletingTheLastRecordsIsCaughtThroughTheHeadFile() {
        List<String> lines = rawLines(file);
        writeLines(file, lines.subList(0, 3));

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.records()).isEqualTo(3);
        assertThat(v.fault()).contains("ends at seq 3").contains("seq 5").contains("last 2 record(s) were deleted");
    }

    @Test
    void emptyingTheFileIsCaught() throws Exception {
        Files.write(file, new byte[0]);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("last 5 record(s) were deleted");
    }

    @Test
    void replacingTheEndIsCaught() {
        List<String> lines = rawLines(file);
        // A different, well-formed fifth record: linked and hashed correctly, but not the one the head names.
        Path other = dir.resolve("other.jsonl");
        writeLines(other, lines.subList(0, 4));
        try (AuditLog log = AuditLog.toFile(other, ALICE)) {
            log.record(read("ListObjectsV2"));
        }
        writeLines(file, rawLines(other));

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(5);
        assertThat(v.fault()).contains("head file");
    }

    @Test
    void anInsertedLineIsCaught() {
        List<String> lines = rawLines(file);
        lines.add(2, lines.get(2));
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(4);
    }

    @Test
    void aLineThatIsNotARecordIsCaught() {
        List<String> lines = rawLines(file);
        lines.add(1, "hello");
        writeLines(file, lines);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(2);
        assertThat(v.fault()).isEqualTo("line 2 is not an audit record");
    }

    @Test
    void aTornFinalLineIsReportedAsTornNotAsTampering() throws Exception {
        String partial = rawLines(file).get(1).substring(0, 80);
        Files.writeString(file, partial, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isTrue();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.brokenLine()).isEqualTo(6);
        assertThat(v.fault()).contains("line 6 is torn").contains("never joined the chain");
    }

    @Test
    void aWriterAfterATornLineEndsItAndTheChainHoldsAcrossIt() throws Exception {
        String partial = rawLines(file).get(1).substring(0, 80);
        Files.writeString(file, partial, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("GetObject"));
        }

        List<String> lines = rawLines(file);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(5)).isEqualTo(partial);
        assertThat(lines.get(6)).startsWith("{\"seq\":6,");
        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isTrue();
        assertThat(v.records()).isEqualTo(6);
        assertThat(v.brokenLine()).isEqualTo(6);
        assertThat(v.fault()).contains("torn");
    }

    @Test
    void aLastRecordThatLostOnlyItsNewlineIsContinuedNotSkipped() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 5, 0, null));

        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("GetObject"));
        }
        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 6, 0, null));
    }

    @Test
    void aMissingFileIsAFaultNotAnException() {
        AuditChain.Verification v = AuditChain.verify(dir.resolve("nope.jsonl"));
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("nope.jsonl").contains("no such file");
    }

    @Test
    void aDirectoryIsAFaultNotAnException() {
        AuditChain.Verification v = AuditChain.verify(dir);
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("is a directory");
    }

    @Test
    void aMissingHeadFileIsReported() throws Exception {
        Files.delete(dir.resolve("audit.jsonl.head"));

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.records()).isEqualTo(5);
        assertThat(v.fault()).contains("head file").contains("missing");
    }

    @Test
    void aGarbledHeadFileIsReported() throws Exception {
        Files.writeString(dir.resolve("audit.jsonl.head"), "garbage");

        AuditChain.Verification v = AuditChain.verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("head file").contains("unreadable");
    }
}

package dev.airlock.audit;

import static dev.airlock.audit.AuditFixtures.ALICE;
import static dev.airlock.audit.AuditFixtures.heldDelete;
import static dev.airlock.audit.AuditFixtures.lines;
import static dev.airlock.audit.AuditFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unkeyed chain cannot tell a file rewritten with every hash recomputed from the original, nor an emptied
 * file whose head was deleted; the anchors a witness countersigned can.
 */
class AuditAnchorTest {

    @TempDir
    Path dir;
    Path file;
    List<AuditAnchor.Anchor> anchors;

    @BeforeEach
    void fourRecordsAnchoredAtTheEnd() {
        file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(file, ALICE)) {
            log.record(read("ListBuckets"));
            log.record(heldDelete(3));
            log.record(read("GetObject"));
            log.record(heldDelete(1));
        }
        JsonNode head = lines(file).get(3);
        anchors = List.of(new AuditAnchor.Anchor(head.get("seq").asLong(), head.get("hash").asText(),
                System.currentTimeMillis(), "signed-by-witness"));
        assertThat(AuditChain.verify(file, anchors).ok()).isTrue();
    }

    @Test
    void aRewriteWithEveryHashRecomputedPassesTheChainButNotTheAnchors() throws Exception {
        Path forged = dir.resolve("forged.jsonl");
        try (AuditLog log = AuditLog.toFile(forged, ALICE)) {
            log.record(read("ListBuckets"));
            log.record(read("ListBuckets")); // the held delete, written out of the record
            log.record(read("GetObject"));
            log.record(read("HeadObject"));
        }
        Files.move(forged, file, StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve("forged.jsonl.head"), dir.resolve("audit.jsonl.head"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(AuditChain.verify(file).ok()).as("the chain alone is fooled").isTrue();
        AuditChain.Verification v = AuditChain.verify(file, anchors);
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("seq 4", "was rewritten");
    }

    @Test
    void anEmptiedFileWithItsHeadDeletedFailsAgainstTheAnchors() throws Exception {
        Files.writeString(file, "");
        Files.deleteIfExists(dir.resolve("audit.jsonl.head"));

        AuditChain.Verification v = AuditChain.verify(file, anchors);
        assertThat(v.ok()).isFalse();
        assertThat(v.fault()).contains("seq 4", "missing");
    }
}

package dev.airlock.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorFilesTest extends AnchorBookContract {

    @TempDir
    Path dir;

    @Override
    AnchorBook book() throws Exception {
        return AnchorBook.inDirectory(dir.resolve("anchors"));
    }

    @Test
    void anchorsOutliveTheServiceThatSignedThem() throws Exception {
        try (AnchorBook book = book()) {
            book.append(CHAIN, anchor(5));
        }
        try (AnchorBook again = book()) {
            assertThat(again.anchors(CHAIN)).containsExactly(anchor(5));
        }
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheNextAppendStillReads() throws Exception {
        try (AnchorBook book = book()) {
            book.append(CHAIN, anchor(1));
            Path file;
            try (var files = Files.list(dir.resolve("anchors"))) {
                file = files.findFirst().orElseThrow();
            }
            Files.writeString(file, "{\"chainId\":\"host-a:/var/lo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertThat(book.anchors(CHAIN)).containsExactly(anchor(1));
        }
    }
}

package dev.airlock.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.cli.AirlockCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedPlanTest {

    @TempDir
    Path dir;

    private Path planFile() throws Exception {
        return Files.writeString(dir.resolve("plan-1.jsonl"), String.join("\n",
                "{\"time\":\"2026-12-01T10:00:00.000Z\",\"tool\":\"reset-tool\",\"action\":\"s3:DeleteObject\","
                        + "\"reason\":\"dry-run mode\",\"resources\":[\"arn:aws:s3:::b/a\",\"arn:aws:s3:::b/c\"],"
                        + "\"summary\":\"s\",\"measures\":{\"objects\":2,\"bytes\":30},"
                        + "\"details\":[\"object a: 10 bytes\",\"object c: 20 bytes\"]}",
                "{\"time\":\"2026-12-01T10:00:01.000Z\",\"tool\":\"reset-tool\",\"action\":\"s3:DeleteBucket\","
                        + "\"reason\":\"dry-run mode\",\"resources\":[\"arn:aws:s3:::b\"],\"summary\":\"s\","
                        + "\"measures\":{},\"facts\":{\"object lock\":\"off\"},\"notes\":[\"probe timed out\"]}",
                "{\"time\":\"2026-12-01T10:00:0")) ;
    }

    @Test
    void theTableSaysWhatByWhichToolInWhatOrderAndHowMuch() throws Exception {
        RecordedPlan plan = RecordedPlan.read(planFile());
        String table = plan.table();

        assertThat(plan.steps()).extracting(RecordedPlan.Step::action)
                .containsExactly("s3:DeleteObject", "s3:DeleteBucket");
        assertThat(table).contains("reset-tool", "2 objects", "30 bytes", "object a: 10 bytes", "object c: 20 bytes",
                "object lock: off", "note: probe timed out", "In all: 30 bytes, 2 objects");
        assertThat(table.indexOf("1. s3:DeleteObject")).isLessThan(table.indexOf("2. s3:DeleteBucket"));
        assertThat(plan.unreadable()).singleElement().satisfies(u -> assertThat(u).startsWith("line 3"));
    }

    @Test
    void theCommandRendersTableAndJson() throws Exception {
        Path file = planFile();
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(AirlockCli.run("plan", file.toString())).isZero();
            assertThat(AirlockCli.run("plan", file.toString(), "--json")).isZero();
        } finally {
            System.setOut(was);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Airlock dry-run plan", "object c: 20 bytes");
        String json = text.substring(text.indexOf("{\n"));
        assertThat(new ObjectMapper().readTree(json).path("steps").get(0).path("measures").path("bytes").asLong())
                .isEqualTo(30);
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThat(AirlockCli.run("plan", dir.resolve("none.jsonl").toString())).isEqualTo(2);
    }
}

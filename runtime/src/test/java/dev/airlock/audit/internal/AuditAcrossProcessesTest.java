package dev.airlock.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.audit.AuditChain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The audit file as processes really meet it: several at once, and killed without warning. */
@Timeout(120)
class AuditAcrossProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoProcessesAppendingToOneFileKeepOneChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Process a = ChildJvm.start(dir.resolve("a.err"), "count", file.toString(), "3000");
        Process b = ChildJvm.start(dir.resolve("b.err"), "count", file.toString(), "3000");
        try {
            assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.err"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.err"))).isZero();

        assertThat(AuditChain.verify(file)).isEqualTo(new AuditChain.Verification(true, 6_000, 0, null));
        // The host never notices: not a line on its stderr (JDK 24+ would warn here about sun.misc.Unsafe).
        assertThat(Files.readString(dir.resolve("a.err"))).isEmpty();
        assertThat(Files.readString(dir.resolve("b.err"))).isEmpty();
    }

    /**
     * kill -9 keeps whatever the writer handed to the OS. Measures how much was lost before the kill (printed,
     * not asserted: it depends on the machine's load) and checks that what remains verifies.
     */
    @Test
    void afterKillMinus9TheFileVerifiesAndHoldsRecordsUpToTheLastWrite() throws Exception {
        StringBuilder report = new StringBuilder();
        for (int run = 1; run <= 3; run++) {
            Path file = dir.resolve("killed-" + run + ".jsonl");
            Process child = ChildJvm.start(dir.resolve("killed-" + run + ".err"), "steady", file.toString());
            long killedAt;
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
                assertThat(ready).as(Files.readString(dir.resolve("killed-" + run + ".err"))).isEqualTo("ready");
                // However loaded the machine, the child has written a good many records before it is killed.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (lineCount(file) <= 150 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(300));
                killedAt = System.currentTimeMillis();
            } finally {
                child.destroyForcibly();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            AuditChain.Verification v = AuditChain.verify(file);
            assertThat(v.ok()).as(v.toString()).isTrue();
            if (v.fault() != null) {
                assertThat(v.fault()).contains("torn");
            }
            assertThat(v.records()).isGreaterThan(100);
            long lastRecordAt = lastRecordTime(file);
            report.append(String.format("run %d: %d records, last written record %d ms before the kill%s%n", run,
                    v.records(), killedAt - lastRecordAt, v.fault() == null ? "" : " (" + v.fault() + ")"));
        }
        System.out.print("[audit kill -9] records recorded but lost:\n" + report);
    }

    private static long lineCount(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (java.io.UncheckedIOException torn) {
            return 0;
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static long lastRecordTime(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            try {
                JsonNode r = JSON.readTree(lines.get(i));
                return Instant.parse(r.get("time").asText()).toEpochMilli();
            } catch (Exception tornLine) {
                // keep looking
            }
        }
        throw new AssertionError("no complete record in " + file);
    }
}

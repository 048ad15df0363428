package dev.airlock.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class PlanBookTest {

    private static final Requester BOB = new Requester("bob", "laptop", 77, "cursor-agent", null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realStderr;

    @BeforeEach
    void captureStderr() {
        realStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(realStderr);
    }

    @Test
    void aRunThatHeldNothingBackLeavesNoFileAndSaysNothing() {
        Path plans = dir.resolve("plans");
        PlanBook book = PlanBook.inDirectory(plans);
        book.writeSummary();
        book.close();

        assertThat(plans).doesNotExist();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theFileIsNamedForTheTimeAndTheProcess() {
        PlanBook book = PlanBook.inDirectory(dir);
        assertThat(book.file().getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(book.file().getFileName().toString())
                .matches("plan-\\d{8}-\\d{6}-" + ProcessHandle.current().pid() + "(-\\d+)?\\.jsonl");
        book.close();
    }

    @Test
    void twoBooksOpenedTogetherNeverShareAFile() {
        PlanBook first = PlanBook.inDirectory(dir);
        PlanBook second = PlanBook.inDirectory(dir);
        assertThat(first.file()).isNotEqualTo(second.file());
    }

    @Test
    void eachCallNotSentIsOneLineWithWhatItWouldHaveDone() throws Exception {
        PlanBook book = PlanBook.inDirectory(dir.resolve("plans"));
        Call call = deleteObjects("demo-data", 3);
        book.add(call, new Plan("s3:DeleteObject would act on 3 resources", call.resources(),
                Map.of("objects", 3L, "bytes", 4096L)), "Airlock runs in dry-run mode");

        List<String> lines = Files.readAllLines(book.file());
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.get("tool").asText()).isEqualTo("cursor-agent");
        assertThat(line.get("action").asText()).isEqualTo("s3:DeleteObject");
        assertThat(line.get("operation").asText()).isEqualTo("DeleteObjects");
        assertThat(line.get("service").asText()).isEqualTo("s3");
        assertThat(line.get("resources")).hasSize(3);
        assertThat(line.get("resources").get(2).asText()).isEqualTo("arn:aws:s3:::demo-data/key-2");
        assertThat(line.get("region").asText()).isEqualTo("us-east-1");
        assertThat(line.get("account").asText()).isEqualTo("111122223333");
        assertThat(line.get("fingerprint").asText()).isEqualTo(call.fingerprint());
        assertThat(line.get("reason").asText()).isEqualTo("Airlock runs in dry-run mode");
        assertThat(line.get("summary").asText()).isEqualTo("s3:DeleteObject would act on 3 resources");
        assertThat(line.get("measures").get("objects").asLong()).isEqualTo(3);
        assertThat(line.get("measures").get("bytes").asLong()).isEqualTo(4096);
        book.close();
    }

    @Test
    void theSummaryGroupsByActionAndAbbreviatesLongListsWithCounts() throws Exception {
        PlanBook book = PlanBook.inDirectory(dir);
        Call big = deleteObjects("demo-data", 1_000);
        book.add(big, Plan.fromRequest(big), "dry run");
        Call small = deleteObjects("logs", 1);
        book.add(small, Plan.fromRequest(small), "dry run");
        Call table = Call.builder().service("dynamodb").operation("DeleteTable")
                .classification(Classification.DESTRUCTIVE)
                .resources(List.of("arn:aws:dynamodb:us-east-1:111122223333:table/orders"))
                .requester(BOB).build();
        book.add(table, new Plan("dynamodb:DeleteTable would delete table orders", table.resources(),
                Map.of("items", 52_000L)), "dry run");
        book.close();

        Path summary = summaryOf(book);
        String text = Files.readString(summary);
        assertThat(text).contains("3 call(s) were not sent")
                .contains("cursor-agent")
                .contains(book.file().toString())
                .containsPattern("s3:DeleteObject\\s+2 call\\(s\\), 1,001 resource\\(s\\)")
                .containsPattern("dynamodb:DeleteTable\\s+1 call\\(s\\), 1 resource\\(s\\)")
                .contains("arn:aws:s3:::demo-data/key-0")
                .contains("arn:aws:s3:::demo-data/key-19")
                .doesNotContain("arn:aws:s3:::demo-data/key-20\n")
                .contains("... and 981 more")
                .contains("arn:aws:dynamodb:us-east-1:111122223333:table/orders")
                .contains("52,000 items");
        assertThat(text.lines().count()).isLessThan(60);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[airlock] dry run: 3 destructive call(s) not sent; plan: " + summary + System.lineSeparator());
    }

    @Test
    void writeSummaryReflectsEverythingAddedSoFarAndCloseSaysItOnce() throws Exception {
        PlanBook book = PlanBook.inDirectory(dir);
        Call one = deleteObjects("a", 1);
        book.add(one, Plan.fromRequest(one), "dry run");
        book.writeSummary();
        assertThat(Files.readString(summaryOf(book))).contains("1 call(s) were not sent");

        book.add(one, Plan.fromRequest(one), "dry run");
        book.close();
        book.close();
        assertThat(Files.readString(summaryOf(book))).contains("2 call(s) were not sent")
                .contains("1 distinct resource(s) (2 mentions)");
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void manyThreadsAddingAtOnceLoseNothing() throws Exception {
        PlanBook book = PlanBook.inDirectory(dir);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int n = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    Call call = deleteObjects("bucket-" + n, 2);
                    book.add(call, Plan.fromRequest(call), "dry run");
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        book.close();

        List<String> lines = Files.readAllLines(book.file());
        assertThat(lines).hasSize(400);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("resources")).hasSize(2);
        }
        assertThat(Files.readString(summaryOf(book))).contains("400 call(s) were not sent");
    }

    @Test
    void addNeverThrowsEvenWhenThePlanCannotBeWritten() throws Exception {
        Path notADirectory = dir.resolve("plans");
        Files.writeString(notADirectory, "a file where the plan directory should be");
        PlanBook book = PlanBook.inDirectory(notADirectory);
        Call call = deleteObjects("a", 1);

        assertThatCode(() -> {
            book.add(call, Plan.fromRequest(call), "dry run");
            book.add(call, Plan.fromRequest(call), "dry run");
            book.close();
        }).doesNotThrowAnyException();
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("could not write the dry-run plan " + book.file());
    }

    private static Path summaryOf(PlanBook book) {
        String name = book.file().getFileName().toString();
        Path summary = book.file().resolveSibling(name.replace(".jsonl", ".txt"));
        assertThat(summary).exists();
        try (Stream<Path> files = Files.list(book.file().getParent())) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    private static Call deleteObjects(String bucket, int keys) {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            arns.add("arn:aws:s3:::" + bucket + "/key-" + i);
        }
        return Call.builder().service("s3").operation("DeleteObjects").actions(List.of("s3:DeleteObject"))
                .classification(Classification.DESTRUCTIVE).resources(arns).region("us-east-1")
                .account("111122223333").requester(BOB).build();
    }
}

package dev.airlock.it.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.EnvironmentFixture;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dry run of an unmodified program that empties and deletes a bucket of 7 objects writes a plan that names the
 * 7 objects and their bytes; {@code airlock plan} renders it as a table and as JSON.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PlanFileIT {

    @Test
    void theDryRunPlanNamesEachObjectAndItsBytesAndAirlockPlanRendersIt() throws Exception {
        AirlockSettings settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("PlanFile"))
                .with("mode", "dry-run");
        Map<String, Long> sizes = new TreeMap<>();
        ToolRun run;
        try (EnvironmentFixture fixture = EnvironmentFixture.forPrefix(LocalServers.shared(), "planfile")
                .seed(7, 3, 2)) {
            fixture.backend().s3Client().listObjectsV2(r -> r.bucket(fixture.bucket())).contents()
                    .forEach(o -> sizes.put(o.key(), o.size()));
            try (RunningJvm child = GuardedJvm.sampleTool().withAgent(BuildPaths.agentJar(),
                            settings.agentArguments()).environment(fixture.backend().environment())
                    .arguments(fixture.toolArguments()).start()) {
                run = child.await(Duration.ofMinutes(3));
            }
            assertThat(fixture.inventory().objectKeys()).as("a dry run destroys nothing").hasSize(7);
        }
        System.out.println("PlanFileIT:\n" + run.transcript());
        assertThat(sizes).hasSize(7);
        assertThat(run.step("DeleteObjects ")).contains("Airlock dry run", "NOT sent", "7 objects");

        Path planFile;
        try (Stream<Path> files = Files.list(settings.planDir())) {
            planFile = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        JsonNode emptied = Files.readAllLines(planFile).stream().map(PlanFileIT::json)
                .filter(n -> n.path("operation").asText().equals("DeleteObjects")).findFirst().orElseThrow();
        assertThat(emptied.path("measures").path("objects").asLong()).isEqualTo(7);
        assertThat(emptied.path("measures").path("bytes").asLong())
                .isEqualTo(sizes.values().stream().mapToLong(Long::longValue).sum());
        List<String> details = Files.readAllLines(planFile).isEmpty() ? List.of()
                : new ObjectMapper().convertValue(emptied.path("details"), List.class);
        sizes.forEach((key, bytes) -> assertThat(details).contains(String.format(Locale.ROOT,
                "object %s: %,d bytes", key, bytes)));

        ToolRun table = AirlockCommand.run("plan", planFile.toString());
        assertThat(table.exitCode()).as(table.transcript()).isZero();
        String text = String.join("\n", table.stdout());
        assertThat(text).contains("s3:DeleteObject", "s3:DeleteBucket", "environment-reset-tool", "7 objects");
        assertThat(text.indexOf("1. s3:DeleteObject")).isLessThan(text.indexOf("2. s3:DeleteBucket"));
        sizes.forEach((key, bytes) -> assertThat(text).contains(String.format(Locale.ROOT, "object %s: %,d bytes",
                key, bytes)));

        ToolRun asJson = AirlockCommand.run("plan", planFile.toString(), "--json");
        assertThat(asJson.exitCode()).as(asJson.transcript()).isZero();
        JsonNode doc = json(String.join("\n", asJson.stdout()));
        assertThat(doc.path("steps").get(0).path("measures").path("objects").asLong()).isEqualTo(7);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}

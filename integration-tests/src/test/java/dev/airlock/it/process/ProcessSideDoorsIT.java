package dev.airlock.it.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way round the process guard an agent tries once refused, run from a JVM under the agent against
 * stand-in tools that report to a recording endpoint. The same table also runs without the agent: a row counts
 * only when its shape really reaches the endpoint there; under the agent, the destructive request must never
 * arrive, and the reads must still run. A row whose program is not installed is skipped, with the reason.
 */
@EnabledOnOs(OS.LINUX)
class ProcessSideDoorsIT {

    @TempDir
    static Path work;

    private static RecordingEndpoint endpoint;
    private static Path bin;
    private static Path home;
    private static String python;
    private static Table unguarded;
    private static Table guarded;

    /** What one JVM's run of the table left: each row's outcome and every request that arrived. */
    private record Table(Map<String, String> outcomes, List<String> requests) {

        boolean reached(Row row) {
            return requests.stream().anyMatch(r -> r.endsWith("/rows/" + row.id()));
        }
    }

    @BeforeAll
    static void runTheTable() throws Exception {
        python = realPython();
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the stand-ins and shims need /bin/bash");
        assumeTrue(python != null, "the aws stand-in needs python3");
        endpoint = new RecordingEndpoint();
        bin = work.resolve("bin");
        home = Files.createDirectories(work.resolve("home"));
        StandInTools.install(bin, endpoint.port(), python);
        Path alias = Files.createDirectories(home.resolve(".aws/cli")).resolve("alias");
        Files.writeString(alias, "[toplevel]\nwipe = s3 rb --force\n");
        List<String> lines = new ArrayList<>();
        for (Row row : SideDoorRows.all()) {
            if (!missing(row).isEmpty()) {
                continue;
            }
            Path dir = Files.createDirectories(work.resolve("rows").resolve(row.id()));
            row.setup().write(dir, bin, python);
            List<String> argv = new ArrayList<>();
            for (String a : row.argv()) {
                argv.add(a.replace("{bin}", bin.toString()).replace("{dir}", dir.toString())
                        .replace("{python}", python));
            }
            lines.add(row.id() + "\t" + dir + "\t" + b64(String.join("\0", argv)) + "\t"
                    + (row.stdin() == null ? "-" : b64(row.stdin())));
        }
        Path rows = Files.write(work.resolve("rows.tsv"), lines, StandardCharsets.UTF_8);
        unguarded = run(rows, false);
        guarded = run(rows, true);
        for (Row row : SideDoorRows.all()) {
            System.out.println(row + "\n    without Airlock: " + firstLine(unguarded.outcomes().get(row.id()))
                    + (unguarded.reached(row) ? " (reached the endpoint)" : "") + "\n    with Airlock:    "
                    + firstLine(guarded.outcomes().get(row.id())) + (guarded.reached(row) ? " (reached the endpoint)" : ""));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "not run";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 220 ? one.substring(0, 220) + "..." : one;
    }

    @AfterAll
    static void stop() throws IOException {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    static Stream<Row> rows() {
        return SideDoorRows.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theDoorIsClosed(Row row) {
        List<String> missing = missing(row);
        assumeTrue(missing.isEmpty(), () -> "skipped: " + String.join(", ", missing) + " not on this machine");
        assumeTrue(unguarded.reached(row), () -> "skipped: without Airlock this shape does not reach the endpoint "
                + "on this machine either (" + unguarded.outcomes().get(row.id()) + ")");
        String outcome = guarded.outcomes().get(row.id());
        if (row.destroys()) {
            assertThat(guarded.requests()).as("the request of `%s` under the agent (%s)", row.door(), outcome)
                    .noneMatch(r -> r.endsWith("/rows/" + row.id()));
            assertThat(outcome).as("the guarded JVM was told why").contains("Airlock");
        } else {
            assertThat(guarded.reached(row)).as("the read `%s` still runs under the agent (%s)", row.door(), outcome)
                    .isTrue();
        }
    }

    private static Table run(Path rows, boolean withAgent) throws Exception {
        endpoint.clear();
        Path results = work.resolve(withAgent ? "guarded.tsv" : "unguarded.tsv");
        GuardedJvm jvm = GuardedJvm.of(testClasses().toString(), CommandRunner.class.getName())
                .arguments(List.of(rows.toString(), results.toString()))
                .environment(Map.of("PATH", bin + ":" + System.getenv("PATH"), "HOME", home.toString()));
        if (withAgent) {
            AirlockSettings settings = AirlockSettings.inWorkDir(Files.createDirectories(work.resolve("airlock")));
            jvm.withAgent(BuildPaths.agentJar(), settings.agentArguments());
        }
        try (RunningJvm running = jvm.start()) {
            ToolRun run = running.await(Duration.ofMinutes(8));
            assertThat(run.exitCode()).as(run.transcript()).isZero();
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            outcomes.put(f[0], f[1] + ": " + new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8)
                    .strip());
        }
        return new Table(outcomes, endpoint.requests());
    }

    static List<String> missing(Row row) {
        List<String> out = new ArrayList<>();
        for (String need : row.needs()) {
            if (need.equals("root")) {
                if (!"root".equals(System.getProperty("user.name"))) {
                    out.add("root (it must run as root)");
                }
            } else if (which(need) == null) {
                out.add(need);
            }
        }
        return out;
    }

    private static final Map<String, Path> FOUND = new HashMap<>();

    static synchronized Path which(String program) {
        return FOUND.computeIfAbsent(program, p -> {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, p);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        });
    }

    /** The interpreter itself, not a version manager's shim (which puts its own directories first on PATH). */
    private static String realPython() throws IOException, InterruptedException {
        if (which("python3") == null) {
            return null;
        }
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
    }

    private static Path testClasses() {
        try {
            return Path.of(CommandRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.airlock.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every benchmark and writes the results as Markdown ({@code benchmarks/target/results/results.md}). Started by
 * {@code benchmarks/run.sh}, which builds everything first and passes the paths below.
 *
 * <p>System properties: {@code bench.agentJar}, {@code bench.otelJar}, {@code bench.out}
 * (the run directory). Arguments: {@code --quick} (one short round of everything, to check the set-up),
 * {@code --only=read,guarded,engine,startup,memory}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Set<String> only = Set.of("read", "guarded", "engine", "startup", "memory");
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = Set.of(arg.substring("--only=".length()).split(","));
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/run")).toAbsolutePath();
        Path logs = Files.createDirectories(out.resolve("logs"));
        Files.createDirectories(out.resolve("audit"));
        Agents agents = new Agents(Path.of(System.getProperty("bench.agentJar",
                "instrumentation-agent/target/airlock-agent.jar")),
                Path.of(System.getProperty("bench.otelJar",
                        "benchmarks/target/agents/opentelemetry-javaagent.jar")), out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("java.class.path");

        Report report = new Report(Machine.describe(), quick);
        Instant began = Instant.now();
        try (LoopbackResponder responder = LoopbackResponder.start()) {
            List<String> endpointArg = List.of("-D" + SdkClients.ENDPOINT_PROPERTY + "=" + responder.endpoint());
            // On 2 busy cores the SDK's own code takes some 15 s of calls to reach its compiled speed.
            JmhRounds jmh = quick ? new JmhRounds(1, 1, 1, 2, logs) : new JmhRounds(1, 4, 5, 5, logs);
            JmhRounds plain = quick ? jmh : new JmhRounds(1, 3, 1, 3, logs);

            if (only.contains("read")) {
                System.out.println("Read calls (forks: no agent, Airlock, OpenTelemetry, both)");
                report.readCalls(jmh.run(ReadCallBenchmark.class,
                        List.of(agents.none(), agents.airlock(), agents.otel(), agents.both()), endpointArg));
                clearAudit(out);
            }
            if (only.contains("guarded")) {
                System.out.println("Held and dry-run calls");
                report.guardedCalls(jmh.run(GuardedCallBenchmark.class, List.of(
                        expecting(agents.none(), "SENT"), expecting(agents.airlock(), "HOLD"),
                        expecting(agents.airlockDryRun(), "DRY_RUN")), endpointArg));
                clearAudit(out);
                deleteTree(out.resolve("plans"));
            }
            if (only.contains("engine")) {
                System.out.println("Engine and hook, in-process");
                Map<String, JmhRounds.Measured> engine = new LinkedHashMap<>();
                engine.putAll(plain.runPlain(EngineBenchmark.class, quick ? 1 : 2));
                engine.putAll(plain.runPlain(CatalogBenchmark.class, 1));
                engine.putAll(plain.runPlain(HookBenchmark.class, quick ? 1 : 2));
                report.engine(engine, engineCpuCost(java, classpath, logs), hookCpuCost(java, classpath, logs));
            }
            if (only.contains("startup")) {
                int rounds = quick ? 2 : 9;
                System.out.println("JVM start to exit, " + rounds + " interleaved rounds");
                // OpenTelemetry takes seconds to start: timed beside the newest SDK only.
                Map<StartupTimer.Program, List<Agents.Setup>> setups = new LinkedHashMap<>();
                List<StartupTimer.Program> programs = toolPrograms();
                for (int i = 0; i < programs.size(); i++) {
                    List<Agents.Setup> s = new ArrayList<>(List.of(agents.none(), agents.emptyAgent(), agents.airlock()));
                    if (i == programs.size() - 1) {
                        s.add(agents.otel());
                    }
                    setups.put(programs.get(i), s);
                }
                report.startup(new StartupTimer(java, responder.endpoint(), out).time(setups, rounds),
                        StartupTimer.measuresCpu());
                clearAudit(out);
            }
            if (only.contains("memory")) {
                System.out.println("Memory after warm-up");
                MemoryMeasurement memory = new MemoryMeasurement(java, classpath, responder.endpoint());
                int calls = quick ? 200 : 5_000;
                Map<String, Map<String, Long>> bySetup = new LinkedHashMap<>();
                for (Agents.Setup setup : List.of(agents.none(), agents.airlock(), agents.otel())) {
                    bySetup.put(setup.name(), memory.measure(setup, calls, 1));
                }
                report.memory(bySetup, calls * 2, agents.airlockJar(), agents.otelJar());
                clearAudit(out);
            }
        }
        report.finish(Duration.between(began, Instant.now()), Machine.loadAverage());
        Path results = Files.createDirectories(out.getParent().resolve("results")).resolve("results.md");
        Files.writeString(results, report.markdown());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + results);
    }

    /**
     * {@link EngineCpuCost} in a child JVM per case and policy size, the two sizes of a case one after the other:
     * decisions per CPU second, by case and size.
     */
    private static Map<String, Double> engineCpuCost(Path java, String classpath, Path logs) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : EngineCpuCost.CASES) {
            for (String size : List.of("1000", "10000")) {
                System.out.println("  EngineCpuCost, " + c + ", " + size + " statements");
                Process p = new ProcessBuilder(java.toString(), "-cp", classpath, EngineCpuCost.class.getName(), size,
                        "--case=" + c).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Files.writeString(logs.resolve("EngineCpuCost-" + c + "-" + size + ".log"), text);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("EngineCpuCost failed:\n" + text);
                }
                for (String line : text.split("\n")) {
                    int eq = line.lastIndexOf('=');
                    if (eq > 0 && line.contains(" [") && line.substring(eq + 1).trim().matches("\\d+")) {
                        out.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1).trim()));
                    }
                }
            }
        }
        return out;
    }

    /** JVMs the read hook's CPU cost is measured in, one after the other; each policy's median is reported. */
    private static final int HOOK_FORKS = 3;

    /**
     * The read hook's CPU cost by policy, in {@link #HOOK_FORKS} child JVMs: "policy" to {thread ns, process ns}
     * per read, the median of the forks' medians. One JVM's figure moves by up to two times from run to run here
     * (with the audit writer and the collector on the other core of a loaded machine); the median of three
     * moves much less.
     */
    private static Map<String, long[]> hookCpuCost(Path java, String classpath, Path logs) throws Exception {
        Map<String, List<long[]>> byPolicy = new LinkedHashMap<>();
        for (int fork = 1; fork <= HOOK_FORKS; fork++) {
            System.out.println("  EngineCpuCost, read hook, JVM " + fork + " of " + HOOK_FORKS);
            Process p = new ProcessBuilder(java.toString(), "-cp", classpath, EngineCpuCost.class.getName(), "hook",
                    "built-in", "organisation-1000", "allow-list-1000", "broker-built-in").redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(logs.resolve("EngineCpuCost-hook-" + fork + ".log"), text);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("EngineCpuCost hook failed:\n" + text);
            }
            for (String line : text.split("\n")) {
                Matcher m = Pattern
                        .compile("readHook \\[(.+)\\] thread=(\\d+) process=(\\d+)").matcher(line.trim());
                if (m.matches()) {
                    byPolicy.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                            .add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                }
            }
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<long[]>> e : byPolicy.entrySet()) {
            long[] thread = e.getValue().stream().mapToLong(v -> v[0]).sorted().toArray();
            long[] process = e.getValue().stream().mapToLong(v -> v[1]).sorted().toArray();
            out.put(e.getKey(), new long[] {thread[thread.length / 2], process[process.length / 2]});
        }
        return out;
    }

    /**
     * The tool programs, one per SDK release, built by {@code run.sh} under {@code benchmarks/tool/target}:
     * {@code bench.tools} lists {@code name=directory} pairs, each directory holding {@code classes} and
     * {@code classpath.txt}.
     */
    private static List<StartupTimer.Program> toolPrograms() throws IOException {
        String tools = System.getProperty("bench.tools", "");
        List<StartupTimer.Program> programs = new ArrayList<>();
        for (String pair : tools.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String name = pair.substring(0, pair.indexOf('='));
            Path dir = Path.of(pair.substring(pair.indexOf('=') + 1));
            String deps = Files.readString(dir.resolve("classpath.txt")).trim();
            programs.add(new StartupTimer.Program(name, dir.resolve("classes") + java.io.File.pathSeparator + deps,
                    "dev.airlock.benchmarks.tool.SdkTool"));
        }
        if (programs.isEmpty()) {
            throw new IllegalStateException("-Dbench.tools names no tool program; run benchmarks/run.sh");
        }
        return programs;
    }

    private static Agents.Setup expecting(Agents.Setup setup, String outcome) {
        List<String> args = new ArrayList<>(setup.jvmArgs());
        args.add("-D" + GuardedCallBenchmark.EXPECT_PROPERTY + "=" + outcome);
        return new Agents.Setup(setup.name(), args);
    }

    /** The audit of millions of benchmark reads is not worth keeping. */
    private static void clearAudit(Path out) throws IOException {
        try (var files = Files.list(out.resolve("audit"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

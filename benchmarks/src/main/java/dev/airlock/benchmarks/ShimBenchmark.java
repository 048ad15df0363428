package dev.airlock.benchmarks;

import dev.airlock.audit.AuditLog;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Policy;
import dev.airlock.process.ProcessDecision;
import dev.airlock.process.ProcessGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What Airlock's shim adds to a read command a descendant starts by name: {@code aws s3 ls} run as a child
 * process directly (the stand-in tool exits at once), against the same command found through the shim directory
 * first on the PATH, which asks this JVM's engine over loopback and then execs the same stand-in. Both in one
 * fork, one after the other; the difference is the shim's cost (bash start, connect, decision, exec).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.airlock.benchmarks.ShimBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class ShimBenchmark {

    private Path dir;
    private ProcessGuard guard;
    private ProcessBuilder direct;
    private ProcessBuilder shimmed;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("airlock-shim-bench");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        Engine engine = new Engine(AirlockConfig.defaults(), ActionCatalog.builtIn(), Policy.builtInDefault(),
                AuditLog.discard(), PlanBook.discard());
        guard = ProcessGuard.builder(engine).terraformPlanSeconds(0).shimParent(dir).build();
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", dir.toString());
        ProcessDecision d = guard.decide(List.of("true"), env, dir);
        Path shims = guard.shimDirectory();
        if (!d.proceeds() || shims == null) {
            throw new IllegalStateException("no shims on this machine: " + d);
        }
        Map<String, String> shimEnv = new HashMap<>(env);
        shimEnv.putAll(d.environment());
        direct = builder(List.of(aws.toString(), "s3", "ls"), env);
        shimmed = builder(List.of(shims.resolve("aws").toString(), "s3", "ls"), shimEnv);
        if (run(shimmed) != 0 || run(direct) != 0) {
            throw new IllegalStateException("the read did not run through the shim");
        }
    }

    private ProcessBuilder builder(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    private static int run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().close();
        return p.waitFor();
    }

    @Benchmark
    public int readDirect() throws Exception {
        return run(direct);
    }

    @Benchmark
    public int readThroughShim() throws Exception {
        return run(shimmed);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        guard.closeShims();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public static void main(String[] args) throws Exception {
        var results = new Runner(new OptionsBuilder().include(ShimBenchmark.class.getName() + "\\.").build()).run();
        double direct = 0;
        double shim = 0;
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith("readDirect")) {
                direct = score;
            } else {
                shim = score;
            }
        }
        System.out.printf("%nA read command, ms per run: direct %.3f, through the shim %.3f; the shim adds %.3f ms"
                + " (%.2fx)%n", direct, shim, shim - direct, shim / direct);
    }
}

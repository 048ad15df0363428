package dev.airlock.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs a benchmark class in JMH forks for several JVM set-ups: for each benchmark method, one fork per set-up,
 * side by side, so that a change in the shared machine's load falls on every set-up alike and each difference
 * between set-ups is taken from forks run one after the other. Every measured iteration of every fork is kept.
 */
public final class JmhRounds {

    /** The measured iterations of one benchmark method in one set-up. */
    public record Measured(ListStatistics stats, String unit) {

        public double mean() {
            return stats.getMean();
        }

        /** The median iteration: on a shared machine, one iteration slowed by another process moves it least. */
        public double median() {
            return stats.getPercentile(50);
        }

        /** Half the width of the 99.9% confidence interval of the mean, as JMH reports it. */
        public double error() {
            return stats.getN() > 2 ? stats.getMeanErrorAt(0.999) : Double.NaN;
        }
    }

    private final int rounds;
    private final int warmupIterations;
    private final int warmupSeconds;
    private final int measurementIterations;
    private final Path logDirectory;

    /**
     * @param warmupSeconds the length of each warm-up iteration; measured iterations last one second
     */
    public JmhRounds(int rounds, int warmupIterations, int warmupSeconds, int measurementIterations,
                     Path logDirectory) {
        this.rounds = rounds;
        this.warmupIterations = warmupIterations;
        this.warmupSeconds = warmupSeconds;
        this.measurementIterations = measurementIterations;
        this.logDirectory = logDirectory;
    }

    /**
     * @return by set-up name, then by benchmark method name, what was measured
     */
    public Map<String, Map<String, Measured>> run(Class<?> benchmark, List<Agents.Setup> setups,
                                                  List<String> commonJvmArgs) throws RunnerException {
        Map<String, Map<String, Measured>> out = new LinkedHashMap<>();
        for (Agents.Setup setup : setups) {
            out.put(setup.name(), new LinkedHashMap<>());
        }
        for (int round = 1; round <= rounds; round++) {
            for (String method : benchmarkMethods(benchmark)) {
                for (Agents.Setup setup : setups) {
                    List<String> jvmArgs = new ArrayList<>(commonJvmArgs);
                    jvmArgs.addAll(setup.jvmArgs());
                    String log = logDirectory.resolve(benchmark.getSimpleName() + "." + method + "-"
                            + slug(setup.name()) + "-round" + round + ".log").toString();
                    System.out.printf("  %s.%s, %s, round %d of %d%n", benchmark.getSimpleName(), method,
                            setup.name(), round, rounds);
                    Collection<RunResult> results = new Runner(options(benchmark, method, 1)
                            .jvmArgs(jvmArgs.toArray(new String[0]))
                            .output(log)
                            .build()).run();
                    collect(results, out.get(setup.name()));
                }
            }
        }
        return out;
    }

    private static List<String> benchmarkMethods(Class<?> benchmark) {
        List<String> methods = new ArrayList<>();
        for (java.lang.reflect.Method m : benchmark.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)) {
                methods.add(m.getName());
            }
        }
        methods.sort(null);
        return methods;
    }

    /** Plain JMH: all of the class's methods, {@code forks} forks each, no agent. */
    public Map<String, Measured> runPlain(Class<?> benchmark, int forks) throws RunnerException {
        String log = logDirectory.resolve(benchmark.getSimpleName() + ".log").toString();
        System.out.printf("  %s, %d forks%n", benchmark.getSimpleName(), forks);
        Map<String, Measured> out = new LinkedHashMap<>();
        // Not the parent's JVM options, which JMH passes on by default.
        collect(new Runner(options(benchmark, ".*", forks).jvmArgs("-Dbench.fork=plain").output(log).build()).run(),
                out);
        return out;
    }

    private ChainedOptionsBuilder options(Class<?> benchmark, String methodPattern, int forks) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + ".") + methodPattern + "$")
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
    }

    private static void collect(Collection<RunResult> results, Map<String, Measured> into) {
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            for (String key : result.getParams().getParamsKeys()) {
                method += " [" + result.getParams().getParam(key) + "]";
            }
            Measured measured = into.computeIfAbsent(method,
                    k -> new Measured(new ListStatistics(), result.getPrimaryResult().getScoreUnit()));
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    measured.stats().addValue(iteration.getPrimaryResult().getScore());
                }
            }
        }
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}

package dev.airlock.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times a JVM from start to exit running {@link StartupProgram}, for each set-up in turn, round after round, so
 * that a change in the machine's load falls on every set-up alike; reports the median of each. One untimed round
 * first fills the OS file cache and Airlock's unpacked runtime.
 */
public final class StartupTimer {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path java;
    private final String classpath;
    private final String endpoint;

    public StartupTimer(Path java, String classpath, String endpoint) {
        this.java = java;
        this.classpath = classpath;
        this.endpoint = endpoint;
    }

    /** Milliseconds from start to exit, by set-up, in the order given; every run's time is kept. */
    public Map<Agents.Setup, long[]> time(List<Agents.Setup> setups, int rounds) throws IOException,
            InterruptedException {
        for (Agents.Setup setup : setups) {
            runOnce(setup);
        }
        Map<Agents.Setup, long[]> millis = new LinkedHashMap<>();
        setups.forEach(s -> millis.put(s, new long[rounds]));
        for (int r = 0; r < rounds; r++) {
            for (Agents.Setup setup : setups) {
                millis.get(setup)[r] = runOnce(setup);
            }
        }
        return millis;
    }

    public static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private long runOnce(Agents.Setup setup) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(setup.jvmArgs());
        command.addAll(List.of("-cp", classpath, StartupProgram.class.getName(), endpoint));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(setup.name() + ": the startup program did not exit");
        }
        long elapsed = System.nanoTime() - start;
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !text.contains("OK")) {
            throw new IllegalStateException(setup.name() + ": the startup program failed:\n" + text);
        }
        return TimeUnit.NANOSECONDS.toMillis(elapsed);
    }
}

package dev.airlock.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link MemoryProbe} in a child JVM per set-up, with the same fixed heap, and reads what it prints. */
public final class MemoryMeasurement {

    private final Path java;
    private final String classpath;
    private final String endpoint;

    public MemoryMeasurement(Path java, String classpath, String endpoint) {
        this.java = java;
        this.classpath = classpath;
        this.endpoint = endpoint;
    }

    /** The probe's numbers; the smallest of {@code runs} for each, the least disturbed by garbage not yet freed. */
    public Map<String, Long> measure(Agents.Setup setup, int calls, int runs) throws IOException,
            InterruptedException {
        Map<String, Long> least = new HashMap<>();
        for (int r = 0; r < runs; r++) {
            for (Map.Entry<String, Long> e : runOnce(setup, calls).entrySet()) {
                least.merge(e.getKey(), e.getValue(), Math::min);
            }
        }
        return least;
    }

    private Map<String, Long> runOnce(Agents.Setup setup, int calls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(setup.jvmArgs());
        command.addAll(List.of("-cp", classpath, MemoryProbe.class.getName(), endpoint, Integer.toString(calls)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(setup.name() + ": the memory probe failed:\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(eq + 1).trim().matches("\\d+")) {
                values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
            }
        }
        return values;
    }
}

package dev.airlock.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times JVMs from start to exit running a tool program (see {@code benchmarks/tool}), for each program and set-up
 * in turn, round after round, so that a change in the machine's load falls on every set-up alike; reports medians.
 * One untimed round first fills the OS file cache and Airlock's unpacked runtime.
 *
 * <p>Wall time is taken here; CPU time (user + system, every thread of the JVM) and peak resident memory come from
 * GNU {@code time} ({@code /usr/bin/time}), which the child runs under when it is installed.
 */
public final class StartupTimer {

    private static final long TIMEOUT_SECONDS = 120;
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** A tool program: a name for the tables, its class path and main class. */
    public record Program(String name, String classpath, String mainClass) {
    }

    /** One run: wall and CPU milliseconds, peak RSS in KiB; CPU and RSS are -1 without GNU time. */
    public record Run(long wallMillis, long cpuMillis, long peakRssKiB) {
    }

    private final Path java;
    private final String endpoint;
    private final Path scratch;

    public StartupTimer(Path java, String endpoint, Path scratch) {
        this.java = java;
        this.endpoint = endpoint;
        this.scratch = scratch;
    }

    public static boolean measuresCpu() {
        return Files.isExecutable(GNU_TIME);
    }

    /** Runs by program, then by set-up, in the order given. */
    public Map<Program, Map<Agents.Setup, List<Run>>> time(Map<Program, List<Agents.Setup>> setupsByProgram,
                                                            int rounds) throws IOException, InterruptedException {
        Map<Program, Map<Agents.Setup, List<Run>>> out = new LinkedHashMap<>();
        for (Map.Entry<Program, List<Agents.Setup>> p : setupsByProgram.entrySet()) {
            Program program = p.getKey();
            Map<Agents.Setup, List<Run>> bySetup = new LinkedHashMap<>();
            for (Agents.Setup setup : p.getValue()) {
                runOnce(program, setup);
                bySetup.put(setup, new ArrayList<>());
            }
            out.put(program, bySetup);
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<Program, List<Agents.Setup>> p : setupsByProgram.entrySet()) {
                for (Agents.Setup setup : p.getValue()) {
                    out.get(p.getKey()).get(setup).add(runOnce(p.getKey(), setup));
                }
            }
        }
        return out;
    }

    public static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private Run runOnce(Program program, Agents.Setup setup) throws IOException, InterruptedException {
        Path timeOut = scratch.resolve("time.txt");
        Files.deleteIfExists(timeOut);
        List<String> command = new ArrayList<>();
        boolean gnuTime = measuresCpu();
        if (gnuTime) {
            command.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", timeOut.toString()));
        }
        command.add(java.toString());
        command.addAll(setup.jvmArgs());
        command.addAll(List.of("-cp", program.classpath(), program.mainClass(), endpoint));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(program.name() + ", " + setup.name() + ": the program did not exit");
        }
        long elapsed = System.nanoTime() - start;
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !text.contains("OK")) {
            throw new IllegalStateException(program.name() + ", " + setup.name() + ": the program failed:\n" + text);
        }
        long cpu = -1;
        long rss = -1;
        if (gnuTime) {
            String[] f = Files.readString(timeOut).trim().split("\\s+");
            cpu = Math.round((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1000);
            rss = Long.parseLong(f[2]);
        }
        return new Run(TimeUnit.NANOSECONDS.toMillis(elapsed), cpu, rss);
    }
}

package dev.airlock.it.approval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A child process whose output lines the test reads as they come; never left running. */
final class Child implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Child(Process process) {
        this.process = process;
        pump(process.getInputStream(), lines);
        pump(process.getErrorStream(), errors);
    }

    static Child start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.startsWith("AWS_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        return new Child(pb.start());
    }

    private void pump(java.io.InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        sink.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // gone
            }
        }, "child-" + process.pid());
        t.setDaemon(true);
        t.start();
    }

    long pid() {
        return process.pid();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until {@code n} lines match; fails with the transcript otherwise. */
    synchronized List<String> await(Predicate<String> match, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> found = lines.stream().filter(match).toList();
            if (found.size() >= n) {
                return found;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || !process.isAlive() && found.size() < n && exitedLongAgo()) {
                throw new AssertionError("waited for " + n + " matching lines, saw " + found.size() + "\n"
                        + transcript());
            }
            wait(Math.min(left, 200));
        }
    }

    private boolean exitedLongAgo() throws InterruptedException {
        wait(300);
        return !process.isAlive();
    }

    List<String> awaitPrefix(String prefix, int n, Duration timeout) throws InterruptedException {
        return await(l -> l.startsWith(prefix), n, timeout);
    }

    void send(String line) throws IOException {
        Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        w.write(line + "\n");
        w.flush();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    synchronized String transcript() {
        return "stdout:\n  " + String.join("\n  ", lines) + "\nstderr:\n  " + String.join("\n  ", errors);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}

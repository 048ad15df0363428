package dev.airlock.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A started child JVM: its output collected line by line, waited for with a time limit, never left running. */
public final class RunningJvm implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    RunningJvm(Process process, Consumer<String> stdoutListener) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout, stdoutListener, "stdout");
        this.errPump = pump(process.getErrorStream(), stderr, line -> { }, "stderr");
    }

    private Thread pump(InputStream in, List<String> sink, Consumer<String> listener, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (sink) {
                        sink.add(line);
                        sink.notifyAll();
                    }
                    listener.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away; what was read is kept
            }
        }, "child-" + process.pid() + "-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the program prints {@code line}; fails if it exits first or the time runs out. */
    public void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stdout) {
            while (!stdout.contains(line)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !outPump.isAlive())) {
                    break;
                }
                stdout.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
            if (stdout.contains(line)) {
                return;
            }
        }
        String why = process.isAlive() ? "did not print it within " + timeout : "exited first";
        destroy();
        throw new AssertionError("waited for the line '" + line + "', but the program " + why + ".\n"
                + snapshot(process.isAlive() ? -1 : process.exitValue()).transcript());
    }

    /** Writes one line to the program's standard input. */
    public void sendLine(String line) throws IOException {
        Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        w.write(line + System.lineSeparator());
        w.flush();
    }

    /** Waits for the program to exit; on time-out kills it and fails with what it printed. */
    public ToolRun await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            destroy();
            throw new AssertionError("the program did not exit within " + timeout + "; it was killed.\n"
                    + snapshot(-1).transcript());
        }
        outPump.join(5_000);
        errPump.join(5_000);
        return snapshot(process.exitValue());
    }

    private ToolRun snapshot(int exitCode) {
        synchronized (stdout) {
            synchronized (stderr) {
                return new ToolRun(exitCode, stdout, stderr);
            }
        }
    }

    private void destroy() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            destroy();
        }
    }
}

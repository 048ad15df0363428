package dev.airlock.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent set-ups a forked JVM runs with, and the JVM options each needs. Every set-up writes Airlock's audit
 * and plans under the run directory, never the user's home.
 */
public final class Agents {

    /** A JVM set-up: a name for the tables and its JVM options. */
    public record Setup(String name, List<String> jvmArgs) {
    }

    private final Path airlockJar;
    private final Path otelJar;
    private final Path runDirectory;
    private Path emptyAgentJar;

    public Agents(Path airlockJar, Path otelJar, Path runDirectory) {
        this.airlockJar = requireFile(airlockJar, "the Airlock agent (build it: mvn -B -q package -DskipTests)");
        this.otelJar = requireFile(otelJar, "the OpenTelemetry agent (copied by the benchmarks module's build)");
        this.runDirectory = runDirectory;
    }

    public Path airlockJar() {
        return airlockJar;
    }

    public Path otelJar() {
        return otelJar;
    }

    public Setup none() {
        return new Setup("no agent", List.of());
    }

    /** An agent that does nothing: the JDK's own cost of {@code -javaagent}. */
    public Setup emptyAgent() throws java.io.IOException {
        if (emptyAgentJar == null) {
            emptyAgentJar = EmptyAgent.writeJar(runDirectory);
        }
        return new Setup("empty agent", List.of("-javaagent:" + emptyAgentJar));
    }

    /** The Airlock agent with its defaults: built-in policy, audit on. */
    public Setup airlock() {
        return new Setup("Airlock", List.of(airlockArg("")));
    }

    /** Every destructive call recorded as a plan instead of being sent. */
    public Setup airlockDryRun() {
        return new Setup("Airlock, dry-run", List.of(airlockArg(",mode=dry-run")));
    }

    /** The OpenTelemetry agent with every exporter off, otherwise as it ships. */
    public Setup otel() {
        List<String> args = new ArrayList<>(List.of("-javaagent:" + otelJar));
        args.addAll(otelExportersOff());
        return new Setup("OpenTelemetry", args);
    }

    /** Both, OpenTelemetry first (its hooks see the call before Airlock's). */
    public Setup both() {
        List<String> args = new ArrayList<>(otel().jvmArgs());
        args.add(airlockArg(""));
        return new Setup("OpenTelemetry + Airlock", args);
    }

    private String airlockArg(String extra) {
        return "-javaagent:" + airlockJar + "=audit.file=" + runDirectory.resolve("audit").resolve("audit.jsonl")
                + ",plan.dir=" + runDirectory.resolve("plans") + extra;
    }

    private static List<String> otelExportersOff() {
        return List.of("-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
    }

    private static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: " + what);
        }
        return file.toAbsolutePath();
    }
}

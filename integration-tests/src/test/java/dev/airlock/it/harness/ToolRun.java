package dev.airlock.it.harness;

import java.util.List;
import java.util.Optional;

/** What a run of the tool left behind: its exit code and every line it printed. */
public record ToolRun(int exitCode, List<String> stdout, List<String> stderr) {

    public ToolRun {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
    }

    /** The first line the tool printed for the step starting with {@code stepPrefix}, e.g. {@code "DeleteBucket "}. */
    public Optional<String> line(String stepPrefix) {
        return stdout.stream().filter(l -> l.startsWith(stepPrefix)).findFirst();
    }

    /** Like {@link #line}, failing with the whole transcript when the tool printed no such line. */
    public String step(String stepPrefix) {
        return line(stepPrefix).orElseThrow(() -> new AssertionError(
                "the tool printed no line for step '" + stepPrefix.trim() + "'. Transcript:\n" + transcript()));
    }

    public String transcript() {
        StringBuilder sb = new StringBuilder();
        sb.append("exit code ").append(exitCode).append('\n');
        stdout.forEach(l -> sb.append("  out | ").append(l).append('\n'));
        stderr.forEach(l -> sb.append("  err | ").append(l).append('\n'));
        return sb.toString();
    }
}

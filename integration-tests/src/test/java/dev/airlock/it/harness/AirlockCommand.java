package dev.airlock.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code airlock} command line as a user runs it: {@code java -jar airlock.jar ARGS}, in its own process. */
public final class AirlockCommand {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private AirlockCommand() {
    }

    public static ToolRun run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(BuildPaths.cliJar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.equals("JAVA_TOOL_OPTIONS"));
        try (RunningJvm process = new RunningJvm(pb.start(), line -> { })) {
            return process.await(TIMEOUT);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}

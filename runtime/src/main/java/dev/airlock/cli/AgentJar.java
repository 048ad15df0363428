package dev.airlock.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds airlock-agent.jar: $AIRLOCK_AGENT_JAR, beside airlock.jar, or in the build tree. */
final class AgentJar {

    private AgentJar() {
    }

    static Path locate() {
        String env = System.getenv("AIRLOCK_AGENT_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path here = ownJarDirectory();
        List<Path> candidates = List.of(
                here.resolve("airlock-agent.jar"),
                here.resolve("../../instrumentation-agent/target/airlock-agent.jar").normalize());
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("cannot find airlock-agent.jar (looked in " + candidates
                + "); pass --agent JAR or set AIRLOCK_AGENT_JAR");
    }

    private static Path ownJarDirectory() {
        try {
            Path p = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (Exception e) {
            return Path.of(".");
        }
    }
}

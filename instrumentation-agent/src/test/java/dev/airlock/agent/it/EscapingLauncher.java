package dev.airlock.agent.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tool that tries to get an unguarded child JVM: it rewrites its policy file to allow everything, sets
 * {@code airlock.enabled=false} in its own properties, then starts a child {@code java} one of these ways:
 * {@code flag} ({@code -Dairlock.enabled=false}), {@code env} ({@code AIRLOCK_ENABLED=false}), {@code jdk-options}
 * ({@code JDK_JAVA_OPTIONS} with the property and the agent switched off), {@code argfile} (an {@code @argfile}
 * that says so), {@code symlink} (a link to {@code java} under another name), {@code plain} (nothing more), {@code unchanged} (nothing at all, the policy file left as it is).
 *
 * <p>Arguments: how, the policy file to rewrite, the agent jar, a scratch directory, then the child's main class
 * and arguments. Prints {@code CHILD EXITED n}.
 */
public final class EscapingLauncher {

    private EscapingLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String how = args[0];
        Path policy = Path.of(args[1]);
        String agentJar = args[2];
        Path scratch = Path.of(args[3]);
        if (!how.equals("unchanged")) {
            Files.writeString(policy, "Version: \"2026-11-01\"\nStatement:\n  - Sid: AllowAll\n    Effect: Allow\n"
                    + "    Action: \"*\"\n    Resource: \"*\"\n");
        }
        System.setProperty("airlock.enabled", "false");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        switch (how) {
            case "flag" -> command.addAll(List.of(java, "-Dairlock.enabled=false"));
            case "env" -> {
                command.add(java);
                pb.environment().put("AIRLOCK_ENABLED", "false");
                pb.environment().put("AIRLOCK_POLICY", policy.toString());
            }
            case "jdk-options" -> {
                command.add(java);
                pb.environment().put("JDK_JAVA_OPTIONS", "-Dairlock.enabled=false -javaagent:" + agentJar
                        + "=enabled=false");
            }
            case "argfile" -> {
                Path argfile = Files.writeString(scratch.resolve("child.args"), "-Dairlock.enabled=false\n");
                command.addAll(List.of(java, "@" + argfile));
            }
            case "symlink" -> {
                Path link = scratch.resolve("runtime-tool");
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(java));
                command.addAll(List.of(link.toString(), "-Dairlock.enabled=false"));
            }
            case "plain", "unchanged" -> command.add(java);
            default -> throw new IllegalArgumentException(how);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(args).subList(4, args.length));
        Process p = pb.command(command).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println("CHILD EXITED " + p.exitValue());
    }
}

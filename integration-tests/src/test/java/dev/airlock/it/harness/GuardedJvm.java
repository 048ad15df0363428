package dev.airlock.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A child JVM running a program the way a user runs it: {@code java [-javaagent:...] -cp CLASSPATH MAIN ARGS},
 * with an environment cleaned of anything that could slip Airlock (or another agent) in unasked.
 */
public final class GuardedJvm {

    private final String classpath;
    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Consumer<String> stdoutListener = line -> { };

    private GuardedJvm(String classpath, String mainClass) {
        this.classpath = classpath;
        this.mainClass = mainClass;
    }

    public static GuardedJvm of(String classpath, String mainClass) {
        return new GuardedJvm(classpath, mainClass);
    }

    /** The sample tool on the class path a user has: the tool and the AWS SDK only. */
    public static GuardedJvm sampleTool() {
        return of(BuildPaths.sampleClasspath(), "dev.airlock.sample.EnvironmentResetTool");
    }

    public GuardedJvm withAgent(Path agentJar, String agentArguments) {
        jvmOptions.add("-javaagent:" + agentJar + (agentArguments == null ? "" : "=" + agentArguments));
        return this;
    }

    /** Lets an agent be attached later without the JDK 21+ warning. */
    public GuardedJvm allowingDynamicAttach() {
        if (Runtime.version().feature() >= 21) {
            jvmOptions.add("-XX:+EnableDynamicAgentLoading");
        }
        return this;
    }

    public GuardedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public GuardedJvm arguments(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    public GuardedJvm environment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    /** Receives each line of the program's standard output as it is printed. */
    public GuardedJvm onOutputLine(Consumer<String> listener) {
        stdoutListener = listener;
        return this;
    }

    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(arguments);
        return cmd;
    }

    public RunningJvm start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.startsWith("AWS_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.putAll(environment);
        return new RunningJvm(pb.start(), stdoutListener);
    }
}

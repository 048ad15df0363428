package dev.airlock.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Loads the agent into a running JVM. Its SDK clients, even those built before, are guarded from then on.
 * Targets on JDK 21+ print a warning unless started with {@code -XX:+EnableDynamicAgentLoading}.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Attaches the Airlock agent to a running JVM.")
final class AttachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PID")
    long pid;

    @Option(names = "--agent", paramLabel = "JAR", description = "airlock-agent.jar (default: found beside airlock.jar, or $AIRLOCK_AGENT_JAR).")
    Path agent;

    @Option(names = "--config", paramLabel = "FILE", description = "airlock.yaml for the target JVM.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other agent setting (repeatable).")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = agent != null ? agent : AgentJar.locate();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no agent jar at " + jar);
        }
        List<String> args = new ArrayList<>(settings);
        if (config != null) {
            args.add(0, "config=" + config.toAbsolutePath());
        }
        com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgent(jar.toAbsolutePath().toString(), String.join(",", args));
        } catch (com.sun.tools.attach.AgentInitializationException e) {
            System.out.println("NOT applied: Airlock already guards JVM " + pid + " with other settings, and "
                    + "settings are fixed when Airlock starts. Restart the tool with the settings you want.");
            return 1;
        } finally {
            vm.detach();
        }
        System.out.println("attached Airlock to JVM " + pid + " (" + jar + ")");
        return 0;
    }
}

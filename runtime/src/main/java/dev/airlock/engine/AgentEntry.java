package dev.airlock.engine;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGate;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;
import dev.airlock.process.ProcessGuard;

/**
 * Where the Java agent hands over to the runtime, by reflection, from the agent's isolated class loader. Starts
 * the engine and installs it on the bridge, for SDK calls and for the processes this JVM starts. Never throws: a
 * broken configuration installs gates that let reads through and fail every other call closed, with the
 * configuration error in their message.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs) {
        return start(agentArgs, null);
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @param agentJar the agent jar's path, passed on to child JVMs so that they are guarded too; null when
     *     unknown, and child JVMs are then left as they are
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs, String agentJar) {
        AirlockConfig config;
        try {
            config = ConfigLoader.load(agentArgs);
        } catch (ConfigException e) {
            failClosed("the Airlock configuration is broken: " + e.getMessage());
            System.err.println("[airlock] ERROR: configuration is broken, calls that change state are refused: "
                    + e.getMessage());
            return true;
        }
        if (!config.enabled()) {
            return false;
        }
        try {
            Engine engine = Engine.start(config);
            install(engine);
            AirlockBridge.installProcessGate(ProcessGuard.builder(engine).childAgent(agentJar, agentArgs).build());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "airlock-shutdown"));
        } catch (ConfigException | RuntimeException e) {
            failClosed("Airlock could not start: " + e.getMessage());
            System.err.println("[airlock] ERROR: could not start, calls that change state are refused: "
                    + e.getMessage());
        }
        return true;
    }

    private static void failClosed(String problem) {
        install(new FailClosedGate(ActionCatalog.builtIn(), problem));
        AirlockBridge.installProcessGate(ProcessGuard.failingClosed(ActionCatalog.builtIn(), problem).build());
    }

    private static void install(CallGate gate) {
        AirlockBridge.installAgentGate(gate);
    }
}

package dev.airlock.engine;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGate;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;

/**
 * Where the Java agent hands over to the runtime, by reflection, from the agent's isolated class loader. Starts
 * the engine and installs it on the bridge. Never throws: a broken configuration installs a gate that lets
 * reads through and fails every other call closed, with the configuration error in its message.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * @param agentArgs the text after {@code =} in {@code -javaagent:airlock-agent.jar=...}, or null
     * @return true when Airlock guards this JVM; false when it is disabled ({@code airlock.enabled=false})
     */
    public static boolean start(String agentArgs) {
        AirlockConfig config;
        try {
            config = ConfigLoader.load(agentArgs);
        } catch (ConfigException e) {
            install(new FailClosedGate(ActionCatalog.builtIn(), "the Airlock configuration is broken: " + e.getMessage()));
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
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "airlock-shutdown"));
        } catch (ConfigException | RuntimeException e) {
            install(new FailClosedGate(ActionCatalog.builtIn(), "Airlock could not start: " + e.getMessage()));
            System.err.println("[airlock] ERROR: could not start, calls that change state are refused: "
                    + e.getMessage());
        }
        return true;
    }

    private static void install(CallGate gate) {
        AirlockBridge.installAgentGate(gate);
    }
}

package dev.airlock.engine;

import dev.airlock.bridge.CallGate;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;

/**
 * Starts the gate a JVM runs with, from Airlock's configuration, for the agent and for library mode alike.
 * Never throws: whatever goes wrong, reads keep working and every other call is refused with the cause.
 */
final class GateStartup {

    private GateStartup() {
    }

    /** The engine the configuration describes; a fail-closed gate if it cannot start; null when disabled. */
    static CallGate fromConfig(String agentArgs) {
        AirlockConfig config;
        try {
            config = ConfigLoader.load(agentArgs);
        } catch (ConfigException | RuntimeException | LinkageError e) {
            return failClosed("the Airlock configuration is broken: " + e.getMessage());
        }
        if (!config.enabled()) {
            return null;
        }
        try {
            Engine engine = Engine.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "airlock-shutdown"));
            return engine;
        } catch (ConfigException | RuntimeException | LinkageError e) {
            return failClosed("Airlock could not start: " + e.getMessage());
        }
    }

    private static CallGate failClosed(String problem) {
        System.err.println("[airlock] ERROR: " + problem + "; calls that change state are refused until it is fixed");
        return new FailClosedGate(ActionCatalog.builtIn(), problem);
    }
}

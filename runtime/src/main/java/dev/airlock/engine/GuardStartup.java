package dev.airlock.engine;

import dev.airlock.bridge.CallGuard;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;
import java.nio.file.Path;

/**
 * Starts what guards a JVM, from Airlock's configuration, for the agent and for library mode alike. Never
 * throws: whatever goes wrong, reads keep working and every other call is refused with the cause.
 */
final class GuardStartup {

    /** The engine, or the fail-closed guard that stands in for it when it could not start. */
    record Started(Engine engine, FailClosedGuard failClosed) {

        CallGuard guard() {
            return engine != null ? engine.guard() : failClosed;
        }
    }

    private GuardStartup() {
    }

    /** What the configuration describes; null when it disables Airlock. */
    static Started fromConfig(String agentArgs) {
        return fromConfig(agentArgs, System.getProperties());
    }

    /** @param properties the system properties Airlock's settings are read from */
    static Started fromConfig(String agentArgs, java.util.Properties properties) {
        AirlockConfig config;
        try {
            config = ConfigLoader.load(agentArgs, System.getenv(), properties);
        } catch (ConfigException | RuntimeException | LinkageError e) {
            Path fallback = ConfigLoader.defaultAuditFile(properties);
            return failClosed("the Airlock configuration is broken: " + e.getMessage(), new RefusalTrail(fallback,
                    "recorded in the default audit file, as the broken configuration does not say where"));
        }
        if (!config.enabled()) {
            return null;
        }
        try {
            Engine engine = Engine.start(config);
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "airlock-shutdown"));
            } catch (IllegalStateException shuttingDown) {
                // The host exits while the engine starts beside it: nothing more will be asked.
                engine.close();
            }
            return new Started(engine, null);
        } catch (ConfigException | RuntimeException | LinkageError e) {
            return failClosed("Airlock could not start: " + e.getMessage(),
                    new RefusalTrail(config.auditEnabled() ? config.auditFile() : null, null));
        }
    }

    private static Started failClosed(String problem, RefusalTrail trail) {
        System.err.println("[airlock] ERROR: " + problem + "; calls that change state are refused until it is fixed"
                + (trail.where() == null ? "" : ", and each refusal is recorded in " + trail.where()
                        + (trail.note() == null ? "" : " (" + trail.note() + ")")));
        return new Started(null, new FailClosedGuard(ActionCatalog.builtIn(), problem, trail));
    }
}

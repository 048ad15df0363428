package dev.airlock.engine;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.ConfigLoader;
import java.util.Map;

/**
 * The gate of library mode when the application names no engine: the SDK interceptor registered globally
 * ({@code execution.interceptors}) finds it as the class path's {@link CallGate} service. Every instance shares
 * one engine per class loader, started on first use from Airlock's configuration, closed when the JVM exits.
 *
 * <p>Never throws: a broken configuration lets reads through and refuses every other call with the configuration
 * error in its message; {@code enabled: false} lets every call through.
 */
public final class LibraryGate implements CallGate {

    /** For {@link java.util.ServiceLoader}. */
    public LibraryGate() {
    }

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        return Shared.GATE.screen(sdkService, signingName, operation);
    }

    @Override
    public GateAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request) {
        return Shared.GATE.decide(origin, sdkService, signingName, operation, region, endpoint, request);
    }

    /** Started on first use, by the class loading rules, once. */
    private static final class Shared {
        static final CallGate GATE = start();
    }

    static CallGate start() {
        AirlockConfig config;
        try {
            config = ConfigLoader.load(null);
        } catch (ConfigException e) {
            System.err.println("[airlock] ERROR: configuration is broken, calls that change state are refused: "
                    + e.getMessage());
            return new FailClosedGate(ActionCatalog.builtIn(), "the Airlock configuration is broken: " + e.getMessage());
        }
        if (!config.enabled()) {
            return new Disabled();
        }
        try {
            Engine engine = Engine.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "airlock-shutdown"));
            return engine;
        } catch (ConfigException | RuntimeException e) {
            System.err.println("[airlock] ERROR: could not start, calls that change state are refused: "
                    + e.getMessage());
            return new FailClosedGate(ActionCatalog.builtIn(), "Airlock could not start: " + e.getMessage());
        }
    }

    /** {@code enabled: false}: Airlock looks at nothing. */
    private static final class Disabled implements CallGate {

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return PROCEED;
        }

        @Override
        public GateAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request) {
            return GateAnswer.proceed();
        }
    }
}

package dev.airlock.engine;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
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
        CallGate gate = GateStartup.fromConfig(null);
        return gate == null ? new Disabled() : gate;
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

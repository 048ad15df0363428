package dev.airlock.engine;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.ProbeChannel;
import java.util.Map;

/**
 * The guard of library mode when the application names no engine: the SDK interceptor registered globally
 * ({@code execution.interceptors}) finds it as the class path's {@link CallGuard} service. Every instance shares
 * one engine per class loader, started on first use from Airlock's configuration, closed when the JVM exits.
 *
 * <p>Never throws: a broken configuration lets reads through and refuses every other call with the configuration
 * error in its message; {@code enabled: false} lets every call through.
 */
public final class ClassPathGuard implements CallGuard {

    /** For {@link java.util.ServiceLoader}. */
    public ClassPathGuard() {
    }

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        return Shared.GUARD.screen(sdkService, signingName, operation);
    }

    @Override
    public CallAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request, ProbeChannel probes) {
        return Shared.GUARD.decide(origin, sdkService, signingName, operation, region, endpoint, request, probes);
    }

    /** Started on first use, by the class loading rules, once. */
    private static final class Shared {
        static final CallGuard GUARD = start();
    }

    static CallGuard start() {
        GuardStartup.Started started = GuardStartup.fromConfig(null);
        return started == null ? new Disabled() : started.guard();
    }

    /** {@code enabled: false}: Airlock looks at nothing. */
    private static final class Disabled implements CallGuard {

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return PROCEED;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request,
                                 ProbeChannel probes) {
            return CallAnswer.proceed();
        }
    }
}

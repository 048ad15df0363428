package dev.airlock.sdk.internal;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the gate a library-mode interceptor uses when the application gives it none: the {@link CallGate}
 * service the Airlock runtime registers on the class path. Looked up by service, not by name, so that this
 * package never links against the engine.
 */
public final class DefaultGate {

    private DefaultGate() {
    }

    /** The class path's gate; a gate that refuses every call, with the reason, when there is none. */
    public static CallGate of(ClassLoader loader) {
        try {
            for (CallGate gate : ServiceLoader.load(CallGate.class, loader)) {
                return gate;
            }
            return new Missing("the Airlock runtime (airlock-runtime) is not on the class path");
        } catch (Throwable t) {
            return new Missing("the Airlock engine could not be loaded: " + t);
        }
    }

    /** Without an engine nothing can be classified, so nothing is let through unseen. */
    private static final class Missing implements CallGate {

        private final String problem;

        Missing(String problem) {
            this.problem = problem;
        }

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return NEEDS_REQUEST;
        }

        @Override
        public GateAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request) {
            return GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was "
                    + "NOT sent. Why: " + problem + ". Next: ask the human you work for to fix the application's "
                    + "Airlock setup; do not retry until then.", null);
        }
    }
}

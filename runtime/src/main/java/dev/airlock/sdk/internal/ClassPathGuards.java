package dev.airlock.sdk.internal;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.Refusal;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the guard a library-mode interceptor uses when the application gives it none: the {@link CallGuard}
 * service the Airlock runtime registers on the class path. Looked up by service, not by name, so that this
 * package never links against the engine.
 */
public final class ClassPathGuards {

    private ClassPathGuards() {
    }

    /** The class path's guard; one that refuses every call, with the reason, when there is none. */
    public static CallGuard of(ClassLoader loader) {
        try {
            for (CallGuard guard : ServiceLoader.load(CallGuard.class, loader)) {
                return guard;
            }
            return new Missing("the Airlock runtime (airlock-runtime) is not on the class path");
        } catch (Throwable t) {
            return new Missing("the Airlock engine could not be loaded: " + t);
        }
    }

    /** Without an engine nothing can be classified, so nothing is let through unseen. */
    private static final class Missing implements CallGuard {

        private final String problem;

        Missing(String problem) {
            this.problem = problem;
        }

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return NEEDS_REQUEST;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
            return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(sdkService + "." + operation, problem,
                    "ask the human you work for to fix the application's Airlock setup; do not retry until then."),
                    null);
        }
    }
}

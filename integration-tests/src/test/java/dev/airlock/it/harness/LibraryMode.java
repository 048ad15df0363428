package dev.airlock.it.harness;

import dev.airlock.bridge.CallGate;
import java.lang.reflect.InvocationTargetException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Airlock without the agent: the application registers Airlock's {@code ExecutionInterceptor} on its clients
 * itself. Looked up by name so that the rest of the suite builds and runs on a runtime that lacks it.
 */
public final class LibraryMode {

    static final String INTERCEPTOR = "dev.airlock.sdk.AirlockExecutionInterceptor";

    private LibraryMode() {
    }

    /** {@code new AirlockExecutionInterceptor(gate)}. */
    public static ExecutionInterceptor interceptorFor(CallGate gate) {
        try {
            Class<?> type = Class.forName(INTERCEPTOR);
            return (ExecutionInterceptor) type.getConstructor(CallGate.class).newInstance(gate);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(INTERCEPTOR + " is not in the Airlock runtime", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not create " + INTERCEPTOR + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(INTERCEPTOR + " has no public constructor taking a CallGate", e);
        }
    }
}

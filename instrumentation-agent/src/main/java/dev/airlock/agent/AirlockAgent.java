package dev.airlock.agent;

import dev.airlock.agent.internal.AgentArguments;
import dev.airlock.agent.internal.AgentStartup;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Java agent: {@code -javaagent:airlock-agent.jar[=key=value,...]} at start, or attached to a running JVM.
 *
 * <p>It starts the runtime in its own class loader and instruments the AWS SDK v2 so that every call is asked
 * about before it leaves the JVM. With {@code enabled=false} (agent argument, system property
 * {@code airlock.enabled} or environment variable {@code AIRLOCK_ENABLED}) it does nothing at all.
 *
 * <p>This class references no runtime type: the runtime lives in another class loader, reached by reflection.
 */
public final class AirlockAgent {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private AirlockAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst);
    }

    private static void start(String agentArgs, Instrumentation inst) {
        try {
            if (!AgentArguments.enabled(agentArgs, System.getProperties(), System.getenv())
                    || !STARTED.compareAndSet(false, true)) {
                return;
            }
            AgentStartup.start(agentArgs, inst);
        } catch (Throwable t) {
            // Never take the host down: a JVM whose agent throws from premain does not start at all.
            System.err.println("[airlock] ERROR: Airlock could not start, so AWS SDK calls in this JVM are NOT "
                    + "guarded: " + t);
        }
    }
}

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
    /** The arguments Airlock started with in this JVM; a later attach with others is refused. */
    private static volatile String startedWith;

    private AirlockAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    /**
     * @throws IllegalStateException when Airlock already guards this JVM with other settings: they are fixed at
     *     start, so the attach is refused (the attaching side sees it fail) rather than reported as applied
     */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        if (STARTED.get()) {
            String before = startedWith == null ? "" : startedWith;
            if (!before.equals(agentArgs == null ? "" : agentArgs)) {
                throw new IllegalStateException("Airlock already guards this JVM with other settings ("
                        + (before.isEmpty() ? "its defaults" : before) + "); settings are fixed when Airlock "
                        + "starts, so these were NOT applied. Restart the tool with the settings you want.");
            }
            return;
        }
        start(agentArgs, inst, false);
    }

    private static void start(String agentArgs, Instrumentation inst, boolean atJvmStart) {
        try {
            if (!AgentArguments.enabled(agentArgs, System.getProperties(), System.getenv())
                    || !STARTED.compareAndSet(false, true)) {
                return;
            }
            startedWith = agentArgs;
            if (atJvmStart) {
                AgentStartup.atJvmStart(agentArgs, inst);
            } else {
                AgentStartup.attached(agentArgs, inst);
            }
        } catch (Throwable t) {
            // Never take the host down: a JVM whose agent throws from premain does not start at all.
            System.err.println("[airlock] ERROR: Airlock could not start, so AWS SDK calls in this JVM are NOT "
                    + "guarded: " + t);
        }
    }
}

package dev.airlock.bridge;

/**
 * The one meeting point between the SDK hooks and the engine. In agent mode this class lives on the bootstrap
 * path, so every class loader sees the same instance.
 */
public final class AirlockBridge {

    private static volatile CallGate gate;
    private static volatile boolean agentInstalled;
    private static volatile ProcessGate processGate;

    private AirlockBridge() {
    }

    /** The installed gate, or null when Airlock is not active in this JVM. */
    public static CallGate gate() {
        return gate;
    }

    /** Installs the gate the agent's hooks consult. */
    public static void installAgentGate(CallGate agentGate) {
        gate = agentGate;
        agentInstalled = agentGate != null;
    }

    /** The gate the process hook consults, or null when processes are not guarded in this JVM. */
    public static ProcessGate processGate() {
        return processGate;
    }

    /** Installs the gate the process hook consults. */
    public static void installProcessGate(ProcessGate gate) {
        processGate = gate;
    }

    /** True when the Java agent guards this JVM; a library-mode interceptor then steps aside to avoid deciding twice. */
    public static boolean agentInstalled() {
        return agentInstalled;
    }
}

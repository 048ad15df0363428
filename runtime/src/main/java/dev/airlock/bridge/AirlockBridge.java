package dev.airlock.bridge;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one meeting point between the SDK hooks and the engine. In agent mode this class lives on the bootstrap
 * path, so every class loader sees the same instance.
 */
public final class AirlockBridge {

    private static volatile CallGate gate;
    private static volatile boolean agentInstalled;
    private static volatile ProcessGate processGate;
    /** Counted down when a start begun at JVM start has finished, whether the gates were installed or not. */
    private static final CountDownLatch START = new CountDownLatch(1);
    private static volatile boolean startPending;

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

    /** The agent has begun starting Airlock beside the host; hooks that fire meanwhile wait for it. */
    public static void startBegun() {
        startPending = true;
    }

    /** The start has finished: the gates are installed, or Airlock will not guard this JVM. */
    public static void startFinished() {
        START.countDown();
    }

    /**
     * Waits, up to {@code seconds}, for a pending start to finish; returns at once when none is pending. Keeps
     * the caller's interrupt status.
     */
    public static void awaitStart(long seconds) {
        if (!startPending || START.getCount() == 0) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (START.getCount() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    START.await(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when the Java agent guards this JVM; a library-mode interceptor then steps aside to avoid deciding twice. */
    public static boolean agentInstalled() {
        return agentInstalled;
    }
}

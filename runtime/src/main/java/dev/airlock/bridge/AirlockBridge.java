package dev.airlock.bridge;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one meeting point between the hooks and the engine. In agent mode this class lives in the bootstrap class
 * loader, so every class loader sees the same instance.
 *
 * <p>The installed call guard is never handed out: hooks reach it only through {@link AskGuard}, so that code in
 * the guarded process cannot hold it, and so cannot pass for Airlock's own calls ({@link OwnCalls}).
 */
public final class AirlockBridge {

    private static volatile CallGuard callGuard;
    private static volatile ProcessStartGuard processGuard;
    /** Counted down when a start begun at JVM start has finished, whether the guards were installed or not. */
    private static final CountDownLatch START = new CountDownLatch(1);
    private static volatile boolean startPending;

    private AirlockBridge() {
    }

    /** The installed call guard, for this package only. */
    static CallGuard installedCallGuard() {
        return callGuard;
    }

    /** Installs the guard the SDK hooks consult. */
    public static void installCallGuard(CallGuard guard) {
        callGuard = guard;
    }

    /** The guard the process hook consults, or null when processes are not guarded in this JVM. */
    public static ProcessStartGuard processGuard() {
        return processGuard;
    }

    /** Installs the guard the process hook consults. */
    public static void installProcessGuard(ProcessStartGuard guard) {
        processGuard = guard;
    }

    /** The agent has begun starting Airlock beside the host; hooks that fire meanwhile wait for it. */
    public static void startBegun() {
        startPending = true;
    }

    /** The start has finished: the guards are installed, or Airlock will not guard this JVM. */
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
        return callGuard != null;
    }
}

package dev.airlock.bridge;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one meeting point between the hooks and the engine. In agent mode this class lives in the bootstrap class
 * loader, so every class loader sees the same instance.
 *
 * <p>The installed call guard is never handed out: hooks reach it only through {@link AskGuard}, so that code in
 * the guarded process cannot hold it, and so cannot pass for Airlock's own calls ({@link OwnCalls}).
 *
 * <p>In agent mode the bridge is sealed. Before the host's {@code main} the agent names the class loader the
 * runtime lives in ({@link #expectRuntime}); from then on only code of that loader may install a guard, only a
 * guard of that loader is accepted, and the first install of each guard seals it. A later install, a null, a
 * proxy or a guard from anywhere else is refused with a {@link SecurityException}, and the attempt goes to the
 * audit ({@link TamperWitness}). Outside agent mode (library mode, tests) the bridge is an ordinary class of the
 * application and none of this applies.
 */
public final class AirlockBridge {

    private static final boolean AGENT_MODE = AirlockBridge.class.getClassLoader() == null;
    private static final int MAX_PENDING_REPORTS = 64;
    /**
     * How long a hook waits for a start still under way before it fails closed: 120 s, or less with
     * {@code -Ddev.airlock.startWaitSeconds=N} (a shorter wait only ever refuses more).
     */
    public static final long START_WAIT_SECONDS = Math.max(1, Math.min(120, Long.getLong("dev.airlock.startWaitSeconds",
            120)));

    private static volatile CallGuard callGuard;
    private static volatile ProcessStartGuard processGuard;
    private static volatile ClassLoader runtimeLoader;
    /** Counted down when a start begun at JVM start has finished, whether the guards were installed or not. */
    private static final CountDownLatch START = new CountDownLatch(1);
    private static volatile boolean startPending;
    private static volatile boolean disabled;
    private static volatile String startProblem;
    private static volatile boolean unguardedCallsPass;
    /** Refused attempts made before a guard could hear of them; handed to the first guard installed. */
    private static final List<String> PENDING_REPORTS = new ArrayList<>();

    private AirlockBridge() {
    }

    /** The installed call guard, for this package only. */
    static CallGuard installedCallGuard() {
        return callGuard;
    }

    /**
     * The guard hooks ask: the installed one; while none is, and Airlock was meant to guard this JVM, one that
     * lets reads through and refuses the rest, so that nothing destructive goes out when the start failed or is
     * late. Null when Airlock does not guard this JVM.
     */
    static CallGuard guardToAsk() {
        CallGuard guard = callGuard;
        if (guard != null || !startPending || disabled) {
            return guard;
        }
        return new NotStartedGuard(startProblem());
    }

    /**
     * Names the class loader the runtime lives in. Called by the agent before the host's {@code main}; the first
     * call wins, later ones are refused.
     */
    public static void expectRuntime(ClassLoader loader) {
        synchronized (AirlockBridge.class) {
            if (runtimeLoader != null || loader == null) {
                refuse("naming another class loader for Airlock's runtime");
            }
            runtimeLoader = loader;
        }
    }

    /** Installs the guard the SDK hooks consult. In agent mode: once, from the runtime, with a runtime guard. */
    public static void installCallGuard(CallGuard guard) {
        if (!AGENT_MODE) {
            callGuard = guard;
            return;
        }
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        List<String> earlier;
        synchronized (AirlockBridge.class) {
            String problem = callGuard != null ? "the bridge is sealed by the guard installed first"
                    : admissible(guard, caller);
            if (problem != null) {
                refuse("installing call guard " + describe(guard) + " from " + caller.getName() + " (" + problem
                        + ")");
            }
            callGuard = guard;
            earlier = new ArrayList<>(PENDING_REPORTS);
            PENDING_REPORTS.clear();
        }
        if (guard instanceof TamperWitness) {
            for (String attempt : earlier) {
                witness(attempt);
            }
        }
    }

    /** The guard the process hook consults, or null when processes are not guarded in this JVM. */
    public static ProcessStartGuard processGuard() {
        return processGuard;
    }

    /** Installs the guard the process hook consults. In agent mode: once, from the runtime, with a runtime guard. */
    public static void installProcessGuard(ProcessStartGuard guard) {
        if (!AGENT_MODE) {
            processGuard = guard;
            return;
        }
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        synchronized (AirlockBridge.class) {
            String problem = processGuard != null ? "the bridge is sealed by the guard installed first"
                    : admissible(guard, caller);
            if (problem != null) {
                refuse("installing process guard " + describe(guard) + " from " + caller.getName() + " ("
                        + problem + ")");
            }
            processGuard = guard;
        }
    }

    /** Why a guard may not be installed from {@code caller}; null when it may. */
    private static String admissible(Object guard, Class<?> caller) {
        ClassLoader expected = runtimeLoader;
        if (guard == null) {
            return "a guard cannot be removed";
        }
        if (Proxy.isProxyClass(guard.getClass())) {
            return "a proxy is not Airlock's guard";
        }
        if (expected != null && guard.getClass().getClassLoader() != expected) {
            return "the guard is not Airlock's own";
        }
        if (expected != null && caller.getClassLoader() != expected) {
            return "only Airlock's runtime installs its guards";
        }
        return null;
    }

    /** Airlock's configuration switches it off for this JVM; only the runtime may say so, before any install. */
    public static void startDisabled() {
        if (AGENT_MODE) {
            Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
            ClassLoader expected = runtimeLoader;
            if (callGuard != null || (expected != null && caller.getClassLoader() != expected)) {
                refuse("switching Airlock off from " + caller.getName());
            }
        }
        disabled = true;
    }

    /**
     * {@code unguarded: warn}: calls of an SDK Airlock cannot hook go on (reported). Only the runtime may say so,
     * once, before it installs its guard.
     */
    public static void unguardedCallsPass() {
        if (AGENT_MODE) {
            Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
            ClassLoader expected = runtimeLoader;
            if (callGuard != null || (expected != null && caller.getClassLoader() != expected)) {
                refuse("letting unguarded AWS SDK calls through, from " + caller.getName());
            }
        }
        unguardedCallsPass = true;
    }

    /** True unless the configuration says {@code unguarded: warn}. */
    static boolean unguardedCallsFail() {
        return !unguardedCallsPass;
    }

    /** True when hooks must ask a guard: one is installed, or Airlock meant to guard this JVM and has none. */
    public static boolean guarding() {
        return callGuard != null || (startPending && !disabled);
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
     * The start failed or is late: until a guard is installed, calls that change state are refused with this
     * reason. Anyone may say so; it only ever makes the guard stricter.
     */
    public static void startFailed(String problem) {
        if (problem != null && startProblem == null) {
            startProblem = problem;
        }
        startPending = true;
    }

    /** Why calls are refused while no guard is installed. */
    static String startProblem() {
        String problem = startProblem;
        return problem != null ? problem : "Airlock has not finished starting in this JVM";
    }

    /** True when Airlock meant to guard this JVM but has no guard for its processes: starts then fail closed. */
    static boolean processesFailClosed() {
        return processGuard == null && startPending && !disabled && START.getCount() == 0;
    }

    /** True when a start is still pending after the wait for it ran out. */
    static boolean startPendingTooLong() {
        return startPending && !disabled && START.getCount() > 0 && startProblem != null;
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
                    startFailed("Airlock did not finish starting within " + seconds + " s");
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

    /** Records the attempt with the installed guard (or keeps it for the first one) and refuses it. */
    private static void refuse(String attempt) {
        report(attempt);
        throw new SecurityException("Airlock refused " + attempt + ": Airlock's guard is sealed when it starts "
                + "and cannot be replaced or switched off from inside the process it guards");
    }

    /** Tells the audit of something Airlock refused or ignored in this process. */
    public static void report(String attempt) {
        CallGuard guard = callGuard;
        if (guard instanceof TamperWitness) {
            witness(attempt);
            return;
        }
        synchronized (AirlockBridge.class) {
            if (PENDING_REPORTS.size() < MAX_PENDING_REPORTS) {
                PENDING_REPORTS.add(attempt);
            }
        }
    }

    private static void witness(String attempt) {
        try {
            ((TamperWitness) callGuard).tamperRefused(attempt);
        } catch (Throwable t) {
            // The refusal stands whether or not it could be recorded.
        }
    }

    private static String describe(Object guard) {
        return guard == null ? "null" : guard.getClass().getName();
    }
}

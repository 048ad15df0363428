package dev.airlock.bridge;

import java.util.concurrent.Callable;

/**
 * Airlock's own SDK calls (blast-radius probes, safety snapshots), made through the host's SDK on a thread the
 * engine marks: the hooks let them go without asking and without an audit record, so Airlock never decides its
 * own reads as if the host had made them.
 *
 * <p>The mark names the guard it belongs to. In agent mode that guard is never handed out by the bridge, so code
 * in the guarded process cannot mark its own calls as Airlock's.
 */
public final class OwnCalls {

    private static final ThreadLocal<CallGuard> MARK = new ThreadLocal<>();

    private OwnCalls() {
    }

    /** Runs {@code work} on this thread as {@code guard}'s own; SDK calls inside it are not asked about. */
    public static <T> T run(CallGuard guard, Callable<T> work) throws Exception {
        CallGuard previous = enter(guard);
        try {
            return work.call();
        } finally {
            leave(previous);
        }
    }

    /** Marks this thread as {@code guard}'s own while it decides; returns what to restore with {@link #leave}. */
    static CallGuard enter(CallGuard guard) {
        CallGuard previous = MARK.get();
        MARK.set(guard);
        return previous;
    }

    static void leave(CallGuard previous) {
        // Set, not removed: a removed entry is made again on the next call's look-up, which costs more than the
        // whole rest of the check. The entry holds the guard only while the thread runs as its own.
        MARK.set(previous);
    }

    /** True while this thread runs work marked as {@code guard}'s own. */
    static boolean belongTo(CallGuard guard) {
        return guard != null && MARK.get() == guard;
    }
}

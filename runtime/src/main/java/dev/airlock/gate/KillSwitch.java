package dev.airlock.gate;

import java.nio.file.Path;

/**
 * Stops every destructive call at once. One part of the engine ({@code Engine.builder().killSwitch(...)}): a
 * circuit breaker in each JVM with a flag on this machine ({@code airlock halt} writes it), and org-wide a flag
 * shared by every agent JVM. It trips on a human's {@code airlock halt}, and on what no human would do on purpose
 * at machine speed (delete-and-recreate, a burst of destruction, see {@link KillSwitchGate}); only a human resets
 * it.
 *
 * <p>{@link #openReason} is asked on every destructive call: implementations answer from memory and learn of
 * trips elsewhere off the calling thread.
 */
public interface KillSwitch extends AutoCloseable {

    /** A switch in this JVM alone, tripped only by {@link #trip}. */
    static KillSwitch local() {
        return new dev.airlock.gate.internal.LocalKillSwitch(null);
    }

    /**
     * A switch for this machine: open while the flag file {@code stateDir/kill-switch} exists. A trip writes it,
     * a reset removes it, and every switch on that directory sees the change within a moment.
     */
    static KillSwitch onMachine(Path stateDir) {
        return new dev.airlock.gate.internal.LocalKillSwitch(flagFile(stateDir));
    }

    /** The flag file of the machine's switch under {@code stateDir}. */
    static Path flagFile(Path stateDir) {
        return stateDir.resolve("kill-switch");
    }

    /** Open while either is: trips and resets go to both. For the machine's switch beside the org-wide one. */
    static KillSwitch either(KillSwitch first, KillSwitch second) {
        return new dev.airlock.gate.internal.EitherKillSwitch(first, second);
    }

    /** Why it is open, or null while it is closed. Answered from memory. */
    String openReason();

    /** Opens it: every destructive call is denied until {@link #reset}. */
    void trip(String reason, String by);

    /** Closes it again; only a human does this. */
    void reset(String by);

    /** Tells {@code listener} of every change this switch makes or sees, to audit it. */
    default void listen(Listener listener) {
    }

    @Override
    default void close() {
    }

    /** Hears of trips and resets. Called on whatever thread made or saw the change; must not block. */
    @FunctionalInterface
    interface Listener {
        /** @param open true for a trip, false for a reset */
        void changed(boolean open, String reason, String by);
    }
}

package dev.airlock.gate;

import dev.airlock.call.Call;

/**
 * Stops every destructive call at once. One part of the engine ({@code Engine.builder().killSwitch(...)}): a
 * circuit breaker in each JVM, and an org-wide flag shared by every agent JVM. It trips on a human's
 * {@code airlock halt}, and on what no human would do on purpose at machine speed (delete-and-recreate, a burst of
 * destruction); only a human resets it.
 */
public interface KillSwitch extends AutoCloseable {

    /** A switch in this JVM alone, tripped only by a human ({@link #trip}). */
    static KillSwitch local() {
        return new dev.airlock.gate.internal.LocalKillSwitch();
    }

    /** Why it is open, or null while it is closed. */
    String openReason();

    /** Sees each destructive call about to proceed, so that it can trip on a pattern. */
    default void observe(Call call) {
    }

    /** Opens it: every destructive call is denied until {@link #reset}. */
    void trip(String reason, String by);

    /** Closes it again; only a human does this. */
    void reset(String by);

    @Override
    default void close() {
    }
}

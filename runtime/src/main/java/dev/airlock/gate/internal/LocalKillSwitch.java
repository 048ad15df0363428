package dev.airlock.gate.internal;

import dev.airlock.gate.KillSwitch;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The kill switch of one JVM: a Resilience4j circuit breaker that only a trip forces open and only a human's
 * reset closes.
 */
public final class LocalKillSwitch implements KillSwitch {

    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("airlock-kill-switch");
    private volatile String reason;

    @Override
    public String openReason() {
        return breaker.getState() == CircuitBreaker.State.FORCED_OPEN ? reason : null;
    }

    @Override
    public synchronized void trip(String why, String by) {
        reason = why + " (tripped by " + by + ")";
        breaker.transitionToForcedOpenState();
    }

    @Override
    public synchronized void reset(String by) {
        breaker.transitionToClosedState();
        reason = null;
    }
}

package dev.airlock.gate.internal;

import dev.airlock.gate.KillSwitch;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The kill switch of one JVM: a Resilience4j circuit breaker that only a trip forces open and only a human's
 * reset closes. The breaker is made on the first trip, so that a JVM whose switch never trips never loads it.
 */
public final class LocalKillSwitch implements KillSwitch {

    private volatile CircuitBreaker breaker;
    private volatile String reason;

    @Override
    public String openReason() {
        CircuitBreaker b = breaker;
        return b != null && b.getState() == CircuitBreaker.State.FORCED_OPEN ? reason : null;
    }

    @Override
    public synchronized void trip(String why, String by) {
        if (breaker == null) {
            breaker = CircuitBreaker.ofDefaults("airlock-kill-switch");
        }
        reason = why + " (tripped by " + by + ")";
        breaker.transitionToForcedOpenState();
    }

    @Override
    public synchronized void reset(String by) {
        if (breaker != null) {
            breaker.transitionToClosedState();
        }
        reason = null;
    }
}

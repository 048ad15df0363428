package dev.airlock.plan;

import dev.airlock.call.Call;

/**
 * Works out a destructive call's blast radius before it is decided. One part of the engine
 * ({@code Engine.builder().prober(...)}). Probes are read-only requests about the very resource under decision,
 * sent through the calling client's own SDK ({@link dev.airlock.bridge.ProbeChannel}): same endpoint, region and
 * credentials, bounded in time and pages, never decided again.
 */
public interface Prober {

    /** The plan the request alone supports: what, on which resources. */
    static Prober requestOnly() {
        return Plan::fromRequest;
    }

    /**
     * The plan for {@code call}. Never throws and never returns null: a probe that fails or times out says so in
     * the plan, and the call is still decided.
     */
    Plan plan(Call call);
}

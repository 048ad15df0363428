package dev.airlock.plan.internal;

import dev.airlock.call.Call;

/** The read-only requests that tell what one kind of destructive call would destroy. */
@FunctionalInterface
public interface Probe {

    /**
     * Sends its reads and adds what it finds to {@code out}. A read that fails may be noted and skipped; an
     * exception ends the probe, and the plan says so, with whatever was found before.
     */
    void run(Call call, ProbeReads reads, Findings out) throws Exception;
}

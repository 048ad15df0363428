package dev.airlock.plan;

import dev.airlock.bridge.CallGuard;
import dev.airlock.call.Call;
import java.time.Duration;

/**
 * Works out a destructive call's blast radius before it is decided. One part of the engine
 * ({@code Engine.builder().prober(...)}, or {@code .probes(factory)} for a prober that needs the engine's
 * guard). Probes are read-only requests about the very resource under decision, sent through the calling
 * client's own SDK ({@link dev.airlock.bridge.ProbeChannel}): same endpoint, region and credentials, bounded in
 * time and pages, never decided again.
 */
public interface Prober extends AutoCloseable {

    /** The plan the request alone supports: what, on which resources. */
    static Prober requestOnly() {
        return Plan::fromRequest;
    }

    /**
     * Probes through the calling client for the services Airlock knows (S3, DynamoDB, SQS, CloudFormation, EC2,
     * RDS, IAM, KMS, Lambda); the plan the request supports for any other.
     *
     * @param timeout how long the probes of one call may take in all
     * @param maxPages how many pages one listing may read
     */
    static Factory probing(Duration timeout, int maxPages) {
        return guard -> new dev.airlock.plan.internal.ProbingProber(guard, timeout, maxPages);
    }

    /**
     * The plan for {@code call}. Never throws and never returns null: a probe that fails or times out says so in
     * the plan, and the call is still decided.
     */
    Plan plan(Call call);

    /** Stops the prober's threads. */
    @Override
    default void close() {
    }

    /** Builds a prober for an engine: its probes are marked as that engine's guard's own. */
    @FunctionalInterface
    interface Factory {
        Prober forGuard(CallGuard guard);
    }
}

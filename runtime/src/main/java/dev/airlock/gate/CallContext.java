package dev.airlock.gate;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.plan.Prober;
import dev.airlock.policy.PolicyDecision;
import java.util.List;

/**
 * One call on its way through the gates: the call, what the policy said of it, and its plan, worked out once and
 * only when a gate asks (reads and plain writes never pay for probes).
 */
public final class CallContext {

    private final Call call;
    private final PolicyDecision decision;
    private final Prober prober;
    private Plan plan;
    private String approvalId;
    private List<String> approvers = List.of();

    public CallContext(Call call, PolicyDecision decision, Prober prober) {
        this.call = call;
        this.decision = decision;
        this.prober = prober;
    }

    public Call call() {
        return call;
    }

    public PolicyDecision decision() {
        return decision;
    }

    /** The blast radius, probed on first use. Never null. */
    public Plan plan() {
        if (plan == null) {
            Plan p = null;
            try {
                p = prober.plan(call);
            } catch (RuntimeException e) {
                // A prober must not throw; if it does, the plan the request supports still holds.
            }
            plan = p != null ? p : Plan.fromRequest(call);
        }
        return plan;
    }

    /** The approval gate found this call approved, and took one use of the approval. */
    void approved(String id, List<String> by) {
        this.approvalId = id;
        this.approvers = List.copyOf(by);
    }

    /** The approval the call proceeds on, or null. */
    public String approvalId() {
        return approvalId;
    }

    /** Who approved it; empty when it needed no approval. */
    public List<String> approvers() {
        return approvers;
    }

    /** The plan if a gate already asked for it; null otherwise. */
    public Plan planIfKnown() {
        return plan;
    }
}

package dev.airlock.gate;

import dev.airlock.call.Classification;
import dev.airlock.plan.Plan;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Effect;

/**
 * Records a plan instead of sending the call: for calls a {@code DryRun} statement matches, and for every
 * destructive call when the whole process runs with {@code mode: dry-run}.
 */
public final class DryRunGate implements Gate {

    private final PlanBook plans;
    private final boolean everyDestructiveCall;

    public DryRunGate(PlanBook plans, boolean everyDestructiveCall) {
        this.plans = plans;
        this.everyDestructiveCall = everyDestructiveCall;
    }

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public Verdict check(CallContext context) {
        String reason;
        if (context.decision().effect() == Effect.DRY_RUN) {
            reason = "statement " + context.decision().statementId() + " makes this call a dry run";
        } else if (everyDestructiveCall && context.call().classification() == Classification.DESTRUCTIVE) {
            reason = "Airlock runs in dry-run mode, so no destructive call is sent";
        } else {
            return null;
        }
        Plan plan = context.plan();
        plans.add(context.call(), plan, reason);
        return Verdict.dryRun(name(), reason + "; recorded in " + plans.file(), plan);
    }
}

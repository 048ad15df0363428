package dev.airlock.gate;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyDecision;

/**
 * Holds calls a {@code RequireApproval} statement matches until N distinct humans, never the requester, approve
 * this exact request. The approval id is derived from the call's fingerprint, so a retry of the identical call
 * finds the same request.
 *
 * <p>Approval stores arrive separately; until one is configured, every such call is held and the message says
 * so plainly.
 */
public final class ApprovalGate implements Gate {

    @Override
    public String name() {
        return "approval";
    }

    @Override
    public Verdict check(Call call, PolicyDecision decision) {
        if (decision.effect() != Effect.REQUIRE_APPROVAL) {
            return null;
        }
        String id = approvalId(call);
        return Verdict.hold(name(),
                "statement " + decision.statementId() + " (" + decision.source() + ") requires human approval",
                "no approval service is configured on this machine, so this request (" + id + ") cannot be "
                        + "approved yet. Do not retry or work around it: stop and ask the human you work for. "
                        + "They can run the call themselves, or change the policy.",
                id, Plan.fromRequest(call));
    }

    /** {@code apr-} and the first 16 hex digits of the fingerprint. */
    public static String approvalId(Call call) {
        String fp = call.fingerprint();
        return "apr-" + fp.substring(fp.indexOf(':') + 1, fp.indexOf(':') + 17);
    }
}

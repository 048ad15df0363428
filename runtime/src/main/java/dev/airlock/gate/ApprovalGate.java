package dev.airlock.gate;

import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import dev.airlock.plan.Plan;
import dev.airlock.policy.Effect;
import java.time.Duration;

/**
 * Holds calls a {@code RequireApproval} statement matches until enough distinct humans, never the requester,
 * approve this exact request; then lets the identical call through, once. The approval id is derived from the
 * call's fingerprint, so a retry of the identical call finds the same request, and a call that differs in any
 * parameter is a new request.
 */
public final class ApprovalGate implements Gate {

    /** Marks an approved call that goes on to the next gates. */
    private static final Verdict PASS = Verdict.proceed();

    private final ApprovalStore store;
    private final int required;
    private final Duration validFor;

    /**
     * @param required how many distinct approvers a request needs
     * @param validFor how long a request may wait for approvers and its approval be used
     */
    public ApprovalGate(ApprovalStore store, int required, Duration validFor) {
        this.store = store;
        this.required = required;
        this.validFor = validFor;
    }

    @Override
    public String name() {
        return "approval";
    }

    @Override
    public Verdict check(CallContext context) {
        if (context.decision().effect() != Effect.REQUIRE_APPROVAL) {
            return null;
        }
        Call call = context.call();
        String id = approvalId(call);
        String why = "statement " + context.decision().statementId() + " (" + context.decision().source()
                + ") requires human approval";
        if (!store.accepts()) {
            return Verdict.hold(name(), why,
                    "no approval service is configured on this machine, so this request (" + id + ") cannot be "
                            + "approved yet. Do not retry or work around it: stop and ask the human you work for. "
                            + "They can run the call themselves, or set up the approval service.",
                    id, context.plan());
        }
        try {
            ApprovalRequest known = store.find(id);
            if (known != null && known.fingerprint().equals(call.fingerprint())) {
                Verdict decided = decided(known, id, context);
                if (decided == PASS) {
                    return null;
                }
                if (decided != null) {
                    return decided;
                }
            }
            Plan plan = context.plan();
            long now = System.currentTimeMillis();
            ApprovalRequest filed = store.submit(ApprovalRequest.pending(id, call.fingerprint(), call.action(),
                    call.resources(), plan.summary(), identity(call.requester()),
                    context.decision().statementId(), required, now, now + validFor.toMillis()));
            return Verdict.hold(name(), why + "; it waits for " + waitingFor(filed),
                    "ask a human to run `airlock approve " + id + "` (the requester cannot approve their own "
                            + "request), then retry this identical call. A changed parameter, another API, a shell "
                            + "command or an edit of Airlock's files is a new request or is refused, and is "
                            + "recorded.", id, plan);
        } catch (ApprovalException | RuntimeException e) {
            return Verdict.deny(name(), why + ", and the approval service could not be reached (" + e.getMessage()
                    + "), so it fails closed", "ask the human you work for to check the approval service, then "
                    + "retry this identical call.");
        }
    }

    /** The verdict for a request humans have already decided; null while it still waits. */
    private Verdict decided(ApprovalRequest request, String id, CallContext context) throws ApprovalException {
        long now = System.currentTimeMillis();
        return switch (request.stateAt(now)) {
            case APPROVED -> {
                if (!store.consume(id)) {
                    yield null;
                }
                context.approved(id, request.approvers());
                yield PASS;
            }
            case DENIED -> Verdict.deny(name(), "request " + id + " was denied by " + request.deniedBy() + ": "
                    + request.reason(), "do not retry this call or try it another way; tell the human you work "
                    + "for that it was denied.");
            case PENDING -> Verdict.hold(name(), "request " + id + " waits for " + waitingFor(request),
                    "ask a human to run `airlock approve " + id + "`, then retry this identical call.", id,
                    context.plan());
            case USED, EXPIRED -> null;
        };
    }

    private static String waitingFor(ApprovalRequest r) {
        int left = r.required() - r.approvers().size();
        return left + " more approver" + (left == 1 ? "" : "s") + " (" + r.approvers().size() + " of "
                + r.required() + " so far)";
    }

    private static ApprovalRequest.Identity identity(Requester r) {
        return new ApprovalRequest.Identity(r.user(), r.awsIdentity(), r.tool(), r.host(), r.pid());
    }

    /** {@code apr-} and the first 16 hex digits of the fingerprint. */
    public static String approvalId(Call call) {
        String fp = call.fingerprint();
        return "apr-" + fp.substring(fp.indexOf(':') + 1, fp.indexOf(':') + 17);
    }
}

package dev.airlock.gate;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.Grant;
import dev.airlock.approval.internal.CallerFrames;
import dev.airlock.approval.internal.RecentCalls;
import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import dev.airlock.plan.Plan;
import dev.airlock.policy.Effect;
import java.time.Duration;
import java.util.UUID;

/**
 * Holds calls a {@code RequireApproval} statement matches until enough distinct humans, never the requester,
 * approve this exact request; then lets the identical call through on the service's signed grant, once. The
 * approval id is derived from the call's fingerprint, so a retry of the identical call finds the same request,
 * and a call that differs in any parameter is a new request.
 *
 * <p>In {@code wait} mode the calling thread waits for the humans, polling the service. Airlock decides on the
 * caller's thread (for an async SDK client too: its hook runs in the method that returns the future), so the
 * thread that waits is the tool's own; on a thread of the SDK's own pools (a callback chained on an earlier
 * future) the gate never waits and fails fast instead, saying so.
 */
public final class ApprovalGate implements Gate {

    /** Marks an approved call that goes on to the next gates. */
    private static final Verdict PASS = Verdict.proceed();

    /** Names of the threads the AWS SDK (and its HTTP clients) own: never blocked by a wait. */
    private static final String[] SDK_POOL_THREADS = {
        "sdk-async-response", "aws-java-sdk-NettyEventLoop", "sdk-ScheduledExecutor", "AwsEventLoop",
        "aws-java-sdk-", "sdk-async", "nioEventLoopGroup"
    };

    private static final Duration POLL = Duration.ofMillis(400);

    private final ApprovalDesk desk;
    private final int defaultRequired;
    private final Duration pendingFor;
    private final boolean wait;
    private final Duration timeout;
    private final RecentCalls recent;

    /**
     * @param defaultRequired how many distinct approvers a request needs when its statement sets no
     *     {@code Approvals}
     * @param pendingFor how long a request may wait for approvers
     * @param wait true for {@code approval.mode: wait}
     * @param timeout how long {@code wait} mode waits
     * @param recent the process's latest decisions, shown to approvers
     */
    public ApprovalGate(ApprovalDesk desk, int defaultRequired, Duration pendingFor, boolean wait, Duration timeout,
                        RecentCalls recent) {
        this.desk = desk;
        this.defaultRequired = defaultRequired;
        this.pendingFor = pendingFor;
        this.wait = wait;
        this.timeout = timeout;
        this.recent = recent;
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
        int required = context.decision().approvals() > 0 ? context.decision().approvals() : defaultRequired;
        String why = "statement " + context.decision().statementId() + " (" + context.decision().source()
                + ") requires human approval, by " + required + " distinct approver" + (required == 1 ? "" : "s");
        if (!desk.accepts()) {
            return Verdict.hold(name(), why,
                    "no approval service is configured on this machine, so this request (" + id + ") cannot be "
                            + "approved yet. Do not retry or work around it: stop and ask the human you work for. "
                            + "They can run the call themselves, or set up the approval service (`airlock serve`).",
                    id, context.plan());
        }
        try {
            Verdict v = round(context, id, required, why);
            if (v == null || v.outcome() != Verdict.Outcome.HOLD || !wait) {
                return v == PASS ? null : v;
            }
            if (onSdkPoolThread()) {
                return Verdict.hold(name(), v.reason() + "; this thread (" + Thread.currentThread().getName()
                        + ") belongs to the AWS SDK's own pool, so Airlock does not wait on it", v.nextStep(), id,
                        v.plan());
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                ApprovalRequest now = desk.status(id);
                if (now == null || now.stateAt(System.currentTimeMillis()) != ApprovalRequest.State.PENDING) {
                    v = round(context, id, required, why);
                    if (v == null || v == PASS || v.outcome() != Verdict.Outcome.HOLD) {
                        return v == PASS ? null : v;
                    }
                }
            }
            return Verdict.hold(name(), v.reason() + "; waited " + timeout.toSeconds() + " s (approval.timeout) and "
                    + "it was not decided", v.nextStep(), id, v.plan());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.hold(name(), why + "; the wait for approvers was interrupted",
                    "retry this identical call once it is approved.", id, context.plan());
        } catch (ApprovalException | RuntimeException e) {
            return Verdict.deny(name(), why + ", and the approval service (" + desk.where() + ") could not answer ("
                    + e.getMessage() + "), so the call fails closed", "ask the human you work for to start or check "
                    + "the approval service (`airlock serve`), then retry this identical call; nothing else "
                    + "needs restarting.");
        }
    }

    /** One look at the request: PASS when a valid grant was taken, else the verdict that ends the chain. */
    private Verdict round(CallContext context, String id, int required, String why) throws ApprovalException {
        Call call = context.call();
        ApprovalRequest known = desk.status(id);
        long now = System.currentTimeMillis();
        if (known != null && !known.fingerprint().equals(call.fingerprint())) {
            return Verdict.deny(name(), why + "; approval id " + id + " belongs to another call",
                    "tell the human you work for; do not retry.");
        }
        if (known == null || known.stateAt(now) == ApprovalRequest.State.USED
                || known.stateAt(now) == ApprovalRequest.State.EXPIRED) {
            known = desk.file(newRequest(context, id, required, now));
        }
        return switch (known.stateAt(System.currentTimeMillis())) {
            case APPROVED -> granted(context, known, id, required, why);
            case DENIED -> Verdict.deny(name(), "request " + id + " was denied by " + known.deniedBy() + ": "
                    + known.reason(), "do not retry this call or try it another way; tell the human you work "
                    + "for that it was denied.");
            case PENDING -> held(context, known, id, why);
            case USED, EXPIRED -> held(context, known, id, why);
        };
    }

    private Verdict granted(CallContext context, ApprovalRequest request, String id, int required, String why)
            throws ApprovalException {
        Call call = context.call();
        Grant grant = request.grant();
        String refusal = grant == null ? "the service marked it approved without a signed grant"
                : desk.verifier().refusal(grant, id, call.fingerprint(), required, identity(call.requester()),
                System.currentTimeMillis());
        if (refusal != null) {
            return Verdict.deny(name(), why + "; the grant presented for it is refused: " + refusal,
                    "this attempt is recorded. Do not retry or work around it; ask the human you work for.");
        }
        if (!desk.verifier().markUsed(grant) || !desk.redeem(id, grant.id(), "red-" + UUID.randomUUID())) {
            return Verdict.deny(name(), why + "; its grant " + grant.id() + " was already used by an earlier call "
                    + "(a grant lets " + grant.uses() + " call" + (grant.uses() == 1 ? "" : "s") + " through)",
                    "this is recorded. Ask a human to approve a new request if the call must run again.");
        }
        context.approved(id, grant.approvers());
        return PASS;
    }

    private Verdict held(CallContext context, ApprovalRequest r, String id, String why) {
        int left = Math.max(0, r.required() - r.approvers().size());
        String who = left + " more approver" + (left == 1 ? "" : "s") + " (" + r.approvers().size() + " of "
                + r.required() + " so far" + (r.approvers().isEmpty() ? "" : ": " + String.join(", ", r.approvers()))
                + "), none of them " + r.requester().user() + " who asked";
        return Verdict.hold(name(), why + "; it waits for " + who,
                "ask a human approver to run `airlock approve " + id + "` or to approve it in the console at "
                        + desk.where() + ". Once it is approved, retry this identical call once. Working around the "
                        + "hold (another API, a shell command, a changed parameter, editing Airlock's files) is a "
                        + "new request or is refused, and is recorded.", id, context.plan());
    }

    private ApprovalRequest newRequest(CallContext context, String id, int required, long now) {
        Call call = context.call();
        Plan plan = context.plan();
        ApprovalRequest.CallerContext seen = new ApprovalRequest.CallerContext(CallerFrames.top(8),
                recent == null ? java.util.List.of() : recent.last(8));
        return ApprovalRequest.pending(id, call.fingerprint(), call.action(), call.resources(), plan.summary(),
                plan.measures(), identity(call.requester()), context.decision().statementId(), required, now,
                now + pendingFor.toMillis(), seen);
    }

    private static boolean onSdkPoolThread() {
        String n = Thread.currentThread().getName();
        for (String p : SDK_POOL_THREADS) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
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

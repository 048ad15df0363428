package dev.airlock.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call waiting for humans: what it would do, who asked, the context they need to judge it, and how it stands.
 * Immutable; each change is a new version, written by the store only over the version it replaces.
 *
 * @param id {@code apr-} and a prefix of the call's fingerprint, so that the identical retry finds it
 * @param fingerprint the call's full fingerprint, the one thing an approval binds to
 * @param action the IAM action that destroys, for example {@code dynamodb:DeleteTable}
 * @param resources the ARNs it acts on
 * @param summary one line for approvers, the plan's summary
 * @param measures the plan's measures (objects, items...), empty when not probed
 * @param requester who asked: OS user, AWS identity when known, tool, host and pid
 * @param statement the policy statement that asked for approval
 * @param required how many distinct approvers it needs
 * @param approvers who approved so far, each once, in order
 * @param state where it stands
 * @param deniedBy who denied it, or null
 * @param reason the deny's reason, or null
 * @param usesLeft how many identical calls may still proceed on it once approved
 * @param createdAt epoch milliseconds
 * @param expiresAt epoch milliseconds after which it can no longer be approved; a grant has its own expiry
 * @param context what the approver sees of the caller: its code path and the calls before this one
 * @param grant the signed grant once approved, else null
 * @param redemptions the redemption ids of the uses taken, so that an agent that lost the answer to its redeem
 *     can ask again with the same id and is told it already has its use, instead of spending a second one
 * @param version how many times the store has written it, starting at 1
 */
public record ApprovalRequest(String id, String fingerprint, String action, List<String> resources, String summary,
                              Map<String, Long> measures, Identity requester, String statement, int required,
                              List<String> approvers, State state, String deniedBy, String reason, int usesLeft,
                              long createdAt, long expiresAt, CallerContext context, Grant grant,
                              List<String> redemptions, long version) {

    public enum State { PENDING, APPROVED, DENIED, USED, EXPIRED }

    /**
     * Who asked. Compared with every approver: an approver whose name equals any of these is the requester.
     *
     * @param user the OS user
     * @param awsIdentity the AWS caller identity (ARN), or null
     */
    public record Identity(String user, String awsIdentity, String tool, String host, long pid) {

        /** True when {@code approver} names this requester by any attribute it has. */
        public boolean isNamedBy(String approver) {
            String a = approver.trim();
            if (user != null && a.equalsIgnoreCase(user)) {
                return true;
            }
            if (awsIdentity == null || awsIdentity.isBlank()) {
                return false;
            }
            String last = awsIdentity.substring(awsIdentity.lastIndexOf('/') + 1);
            return a.equalsIgnoreCase(awsIdentity) || a.equalsIgnoreCase(last);
        }
    }

    /**
     * What an approver needs to judge the call beyond the call itself.
     *
     * @param frames the top frames of the caller's stack outside the AWS SDK and Airlock, innermost first
     * @param recentCalls the last calls this process made before this one, with their verdicts, oldest first
     */
    public record CallerContext(List<String> frames, List<String> recentCalls) {

        public static final CallerContext NONE = new CallerContext(List.of(), List.of());

        public CallerContext {
            frames = frames == null ? List.of() : List.copyOf(frames);
            recentCalls = recentCalls == null ? List.of() : List.copyOf(recentCalls);
        }
    }

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(state, "state");
        resources = resources == null ? List.of() : List.copyOf(resources);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        redemptions = redemptions == null ? List.of() : List.copyOf(redemptions);
        measures = measures == null ? Map.of() : Map.copyOf(measures);
        context = context == null ? CallerContext.NONE : context;
        if (required < 1) {
            throw new IllegalArgumentException("an approval needs at least one approver");
        }
    }

    /** A new request, pending, used once when approved. */
    public static ApprovalRequest pending(String id, String fingerprint, String action, List<String> resources,
                                          String summary, Map<String, Long> measures, Identity requester,
                                          String statement, int required, long createdAt, long expiresAt,
                                          CallerContext context) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, measures, requester, statement,
                required, List.of(), State.PENDING, null, null, 1, createdAt, expiresAt, context, null, List.of(), 1);
    }

    /** Its state at {@code now}: pending past its expiry, or approved past its grant's expiry, is expired. */
    public State stateAt(long now) {
        if (state == State.PENDING && now >= expiresAt) {
            return State.EXPIRED;
        }
        if (state == State.APPROVED && now >= (grant != null ? grant.expiresAt() : expiresAt)) {
            return State.EXPIRED;
        }
        return state;
    }

    /** The next version, with a new state and votes. */
    public ApprovalRequest with(State nextState, List<String> nextApprovers, String nextDeniedBy, String nextReason,
                                int nextUsesLeft) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, measures, requester, statement,
                required, nextApprovers, nextState, nextDeniedBy, nextReason, nextUsesLeft, createdAt, expiresAt,
                context, grant, redemptions, version + 1);
    }

    /** The next version, one use taken by {@code redemption}. */
    public ApprovalRequest redeemedBy(String redemption) {
        int left = usesLeft - 1;
        List<String> taken = new java.util.ArrayList<>(redemptions);
        taken.add(redemption);
        return new ApprovalRequest(id, fingerprint, action, resources, summary, measures, requester, statement,
                required, approvers, left == 0 ? State.USED : State.APPROVED, deniedBy, reason, left, createdAt,
                expiresAt, context, grant, taken, version + 1);
    }

    /** The same version, carrying the grant that approves it. */
    public ApprovalRequest withGrant(Grant signed) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, measures, requester, statement,
                required, approvers, state, deniedBy, reason, signed.uses(), createdAt, expiresAt, context, signed,
                redemptions, version);
    }

    /** The same request under another version number, as a store that counts its own writes records it. */
    public ApprovalRequest atVersion(long v) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, measures, requester, statement,
                required, approvers, state, deniedBy, reason, usesLeft, createdAt, expiresAt, context, grant,
                redemptions, v);
    }

    /** A line for lists: id, state, action and resources. */
    public String headline() {
        return id + " " + state.name().toLowerCase() + " " + action + " " + String.join(", ", resources);
    }
}

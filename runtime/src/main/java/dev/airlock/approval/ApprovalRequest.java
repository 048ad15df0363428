package dev.airlock.approval;

import java.util.List;
import java.util.Objects;

/**
 * One call waiting for humans: what it would do, who asked, and how it stands.
 *
 * @param id {@code apr-} and a prefix of the call's fingerprint, so that the identical retry finds it
 * @param fingerprint the call's full fingerprint, the one thing an approval binds to
 * @param action the IAM action that destroys, for example {@code dynamodb:DeleteTable}
 * @param resources the ARNs it acts on
 * @param summary one line for approvers, the plan's summary where there is one
 * @param requester who asked: OS user, AWS identity when known, tool, host and pid
 * @param statement the policy statement that asked for approval
 * @param required how many distinct approvers it needs
 * @param approvers who approved so far, each once
 * @param state where it stands
 * @param deniedBy who denied it, or null
 * @param reason the deny's reason, or null
 * @param usesLeft how many identical calls may still proceed on it once approved
 * @param createdAt epoch milliseconds
 * @param expiresAt epoch milliseconds after which it can no longer be approved or used
 */
public record ApprovalRequest(String id, String fingerprint, String action, List<String> resources, String summary,
                              Identity requester, String statement, int required, List<String> approvers,
                              State state, String deniedBy, String reason, int usesLeft, long createdAt,
                              long expiresAt) {

    public enum State { PENDING, APPROVED, DENIED, USED, EXPIRED }

    /**
     * Who asked. Compared with every approver: an approver whose name equals any of these is the requester.
     *
     * @param user the OS user
     * @param awsIdentity the AWS caller identity (ARN), or null
     */
    public record Identity(String user, String awsIdentity, String tool, String host, long pid) {

        /** True when {@code approver} names this requester by any attribute. */
        public boolean isNamedBy(String approver) {
            String a = approver.trim();
            return a.equalsIgnoreCase(user) || (awsIdentity != null && (a.equalsIgnoreCase(awsIdentity)
                    || a.equalsIgnoreCase(awsIdentity.substring(awsIdentity.lastIndexOf('/') + 1))));
        }
    }

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(state, "state");
        resources = List.copyOf(resources);
        approvers = List.copyOf(approvers);
        if (required < 1) {
            throw new IllegalArgumentException("an approval needs at least one approver");
        }
    }

    /** A new request, pending. */
    public static ApprovalRequest pending(String id, String fingerprint, String action, List<String> resources,
                                          String summary, Identity requester, String statement, int required,
                                          long createdAt, long expiresAt) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, requester, statement, required,
                List.of(), State.PENDING, null, null, 1, createdAt, expiresAt);
    }

    /** Its state at {@code now}: a pending or approved request past its expiry is expired. */
    public State stateAt(long now) {
        return (state == State.PENDING || state == State.APPROVED) && now >= expiresAt ? State.EXPIRED : state;
    }

    public ApprovalRequest with(State nextState, List<String> nextApprovers, String nextDeniedBy, String nextReason,
                                int nextUsesLeft) {
        return new ApprovalRequest(id, fingerprint, action, resources, summary, requester, statement, required,
                nextApprovers, nextState, nextDeniedBy, nextReason, nextUsesLeft, createdAt, expiresAt);
    }
}

package dev.airlock.audit;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;

/**
 * One decision, as it goes to the audit log. The fast path fills only the first fields ({@code call} is null);
 * formatting to JSON happens on the writer thread, never on the caller's.
 *
 * @param epochMillis when the decision was made
 * @param service the IAM service prefix
 * @param operation the API operation
 * @param action the main IAM action
 * @param classification READ, WRITE or DESTRUCTIVE
 * @param statement the deciding statement's id
 * @param effect the policy effect's word ({@code Allow}, {@code RequireApproval}, ...)
 * @param verdict PROCEED, DRY_RUN, HOLD or DENY
 * @param reason why, for anything but a plain PROCEED; may be null
 * @param approvalId the approval request id for a HOLD, else null
 * @param latencyNanos how long the decision took
 * @param call the full call, when the slow path built one; null on the fast path
 * @param plan the blast radius, when a gate worked it out; null otherwise
 */
public record AuditRecord(long epochMillis, String service, String operation, String action,
                          Classification classification, String statement, String effect, String verdict,
                          String reason, String approvalId, long latencyNanos, Call call,
                          dev.airlock.plan.Plan plan) {

    /** A record without a plan. */
    public AuditRecord(long epochMillis, String service, String operation, String action,
                       Classification classification, String statement, String effect, String verdict,
                       String reason, String approvalId, long latencyNanos, Call call) {
        this(epochMillis, service, operation, action, classification, statement, effect, verdict, reason, approvalId,
                latencyNanos, call, null);
    }
}

package dev.airlock.approval;

import java.util.Objects;

/**
 * One approver's decision on one request.
 *
 * @param approver who decided, as the approval service authenticated them
 * @param approve true to approve, false to deny
 * @param reason why, required for a deny
 * @param at when, in epoch milliseconds
 */
public record Vote(String approver, boolean approve, String reason, long at) {

    public Vote {
        Objects.requireNonNull(approver, "approver");
        if (approver.isBlank()) {
            throw new IllegalArgumentException("an approver needs a name");
        }
    }

    public static Vote approve(String approver) {
        return new Vote(approver, true, null, System.currentTimeMillis());
    }

    public static Vote deny(String approver, String reason) {
        return new Vote(approver, false, reason, System.currentTimeMillis());
    }
}

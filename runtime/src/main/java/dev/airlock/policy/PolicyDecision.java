package dev.airlock.policy;

import java.util.List;

/**
 * The outcome of evaluating a policy for one call.
 *
 * @param effect the winning effect (never RATE_LIMIT: a call matched only by budgets is ALLOW)
 * @param statementId the winning statement's Sid, or {@code default:read}, {@code default:write},
 *                    {@code default:destructive} when no statement matched
 * @param source where the winning statement is written ({@code policy.yaml:14}), or {@code built-in}
 * @param budgets the RATE_LIMIT statements that matched, in policy order
 */
public record PolicyDecision(Effect effect, String statementId, String source, List<Budget> budgets) {

    public PolicyDecision {
        budgets = List.copyOf(budgets);
    }
}

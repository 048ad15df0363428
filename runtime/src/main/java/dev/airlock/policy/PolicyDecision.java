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
 * @param approvals how many distinct approvers a RequireApproval statement asks for; 0 for the built-in default
 *                  (2 where the environment is production, 1 elsewhere)
 */
public record PolicyDecision(Effect effect, String statementId, String source, List<Budget> budgets,
                             int approvals) {

    public PolicyDecision {
        budgets = List.copyOf(budgets);
    }

    public PolicyDecision(Effect effect, String statementId, String source, List<Budget> budgets) {
        this(effect, statementId, source, budgets, 0);
    }
}

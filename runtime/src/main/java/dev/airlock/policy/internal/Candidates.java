package dev.airlock.policy.internal;

import dev.airlock.call.Classification;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements whose Action or NotAction takes in one set of IAM actions, worked out once per action and
 * kept: evaluation then only tests their conditions and resources. The competing statements are in
 * precedence order, so the first that matches wins; the RateLimit statements are in file order.
 *
 * <p>Decisions are made ahead where they can be: a winner without budgets carries its own; a winner with
 * budgets is kept in a small table indexed by which RateLimit statements matched.
 */
final class Candidates {

    /** Largest decision table kept per action: winners (plus one for "no winner") times budget combinations. */
    private static final int MAX_TABLE = 256;

    static final PolicyDecision DEFAULT_READ =
            new PolicyDecision(Effect.ALLOW, "default:read", "built-in", List.of());
    static final PolicyDecision DEFAULT_WRITE =
            new PolicyDecision(Effect.ALLOW, "default:write", "built-in", List.of());
    static final PolicyDecision DEFAULT_DESTRUCTIVE =
            new PolicyDecision(Effect.REQUIRE_APPROVAL, "default:destructive", "built-in", List.of());

    final Statement[] competing;
    final Statement[] rateLimits;
    /** The competing and RateLimit statements by the resources they name. */
    final ResourceIndex competingIndex;
    final ResourceIndex rateIndex;
    /**
     * Decisions with budgets, filled on first use. Racing threads may both fill a slot; they store equal,
     * immutable decisions, so either one is right.
     */
    private final PolicyDecision[] withBudgets;

    private Candidates(Statement[] competing, Statement[] rateLimits) {
        this.competing = competing;
        this.rateLimits = rateLimits;
        this.competingIndex = ResourceIndex.of(competing);
        this.rateIndex = ResourceIndex.of(rateLimits);
        int r = rateLimits.length;
        boolean small = r > 0 && r < 16 && ((long) competing.length + 1) << r <= MAX_TABLE;
        this.withBudgets = small ? new PolicyDecision[(competing.length + 1) << r] : null;
    }

    /** Picks, from statements in precedence order and RateLimit statements in file order, those for these actions. */
    static Candidates select(Statement[] competing, Statement[] rateLimits, List<String> actions) {
        return new Candidates(applying(competing, actions), applying(rateLimits, actions));
    }

    private static Statement[] applying(Statement[] statements, List<String> actions) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : statements) {
            if (s.appliesToActions(actions)) {
                out.add(s);
            }
        }
        return out.toArray(new Statement[0]);
    }

    static PolicyDecision defaultFor(Classification classification) {
        return switch (classification) {
            case READ -> DEFAULT_READ;
            case WRITE -> DEFAULT_WRITE;
            case DESTRUCTIVE -> DEFAULT_DESTRUCTIVE;
        };
    }

    /**
     * The decision for a winner (an index into {@link #competing}, or -1 when none matched) and the set of
     * matching RateLimit statements as a bit mask over {@link #rateLimits} (at most 63 of them).
     */
    PolicyDecision decide(int winner, long budgetMask, Classification classification) {
        if (budgetMask == 0) {
            return winner >= 0 ? competing[winner].decision() : defaultFor(classification);
        }
        PolicyDecision[] table = withBudgets;
        if (table == null) {
            return build(winner, budgetMask);
        }
        int slot = winner >= 0 ? winner : competing.length;
        int index = (slot << rateLimits.length) | (int) budgetMask;
        PolicyDecision d = table[index];
        if (d == null) {
            d = build(winner, budgetMask);
            table[index] = d;
        }
        return d;
    }

    /** The decision for more RateLimit statements than a mask can hold. */
    PolicyDecision decide(int winner, boolean[] budgetMatched, Classification classification) {
        List<Budget> budgets = new ArrayList<>();
        Statement first = null;
        for (int i = 0; i < rateLimits.length; i++) {
            if (budgetMatched[i]) {
                budgets.add(rateLimits[i].budget());
                first = first == null ? rateLimits[i] : first;
            }
        }
        return decisionWith(winner, first, budgets, classification);
    }

    private PolicyDecision build(int winner, long budgetMask) {
        List<Budget> budgets = new ArrayList<>(Long.bitCount(budgetMask));
        for (int i = 0; i < rateLimits.length; i++) {
            if ((budgetMask & (1L << i)) != 0) {
                budgets.add(rateLimits[i].budget());
            }
        }
        Statement first = rateLimits[Long.numberOfTrailingZeros(budgetMask)];
        return decisionWith(winner, first, budgets, null);
    }

    private PolicyDecision decisionWith(int winner, Statement firstBudget, List<Budget> budgets,
                                        Classification classification) {
        if (winner >= 0) {
            Statement w = competing[winner];
            return new PolicyDecision(w.effect(), w.sid(), w.source(), budgets, w.approvals());
        }
        if (firstBudget == null) {
            return defaultFor(classification);
        }
        // Budgets alone allow the call, within the budget.
        return new PolicyDecision(Effect.ALLOW, firstBudget.sid(), firstBudget.source(), budgets);
    }
}

package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plain evaluator, kept as the oracle for the indexed one: no index, no cache, no segments. Every statement
 * is tested against every call with the whole-text patterns, as the policy language defines it: a restrictive
 * statement (Deny, RequireApproval, DryRun, RateLimit) applies when ANY action and ANY resource of the call fall
 * in it, an Allow when ALL do; an unknown resource part falls in a restrictive statement when it might be one of
 * its own ({@link Glob#intersects}) and in an Allow only when it surely is ({@link Glob#covers}).
 */
final class PlainPolicy {

    private final List<Statement> competing;
    private final List<Statement> rateLimits;

    PlainPolicy(List<Statement> statementsInFileOrder) {
        List<Statement> ranked = new ArrayList<>();
        List<Statement> budgets = new ArrayList<>();
        for (Statement s : statementsInFileOrder) {
            (s.effect() == Effect.RATE_LIMIT ? budgets : ranked).add(s);
        }
        ranked.sort(Comparator.comparingInt(s -> s.effect().ordinal())); // DENY, REQUIRE_APPROVAL, DRY_RUN, ALLOW
        this.competing = ranked;
        this.rateLimits = budgets;
    }

    static PlainPolicy of(CompiledPolicy policy) {
        return new PlainPolicy(policy.statements());
    }

    PolicyDecision evaluate(Call call, PolicyContext context) {
        Statement winner = null;
        for (Statement s : competing) {
            if (matches(s, call, context)) {
                winner = s;
                break;
            }
        }
        List<Budget> budgets = new ArrayList<>();
        Statement firstBudget = null;
        for (Statement s : rateLimits) {
            if (matches(s, call, context)) {
                budgets.add(s.budget());
                firstBudget = firstBudget == null ? s : firstBudget;
            }
        }
        if (winner != null) {
            return new PolicyDecision(winner.effect(), winner.sid(), winner.source(), budgets);
        }
        if (firstBudget != null) {
            return new PolicyDecision(Effect.ALLOW, firstBudget.sid(), firstBudget.source(), budgets);
        }
        return defaultFor(call.classification());
    }

    /** Every matching statement: the competing ones in precedence order, then the RateLimit ones in file order. */
    List<String> matchingStatements(Call call, PolicyContext context) {
        List<String> out = new ArrayList<>();
        for (Statement s : competing) {
            if (matches(s, call, context)) {
                out.add(s.sid());
            }
        }
        for (Statement s : rateLimits) {
            if (matches(s, call, context)) {
                out.add(s.sid());
            }
        }
        return out;
    }

    static PolicyDecision defaultFor(Classification classification) {
        return switch (classification) {
            case READ -> new PolicyDecision(Effect.ALLOW, "default:read", "built-in", List.of());
            case WRITE -> new PolicyDecision(Effect.ALLOW, "default:write", "built-in", List.of());
            case DESTRUCTIVE -> new PolicyDecision(Effect.REQUIRE_APPROVAL, "default:destructive", "built-in",
                    List.of());
        };
    }

    static boolean matches(Statement s, Call call, PolicyContext context) {
        return appliesToActions(s, call.actions()) && conditionsHold(s, call, context)
                && appliesToResources(s, call.resources());
    }

    private static boolean restrictive(Statement s) {
        return s.effect() != Effect.ALLOW;
    }

    private static boolean appliesToActions(Statement s, List<String> actions) {
        if (actions.isEmpty()) {
            return false;
        }
        boolean any = false;
        boolean all = true;
        for (String action : actions) {
            boolean listed = false;
            for (Glob g : s.actionPatterns()) {
                listed |= g.matches(action);
            }
            boolean named = listed != s.notAction();
            any |= named;
            all &= named;
        }
        return restrictive(s) ? any : all;
    }

    private static boolean conditionsHold(Statement s, Call call, PolicyContext context) {
        for (Condition c : s.conditions()) {
            if (!c.test(call, context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean appliesToResources(Statement s, List<String> resources) {
        List<String> rs = resources.isEmpty() ? List.of("*") : resources;
        boolean any = false;
        boolean all = true;
        for (String r : rs) {
            boolean in = appliesTo(s, r);
            any |= in;
            all &= in;
        }
        return restrictive(s) ? any : all;
    }

    private static boolean appliesTo(Statement s, String resource) {
        boolean restrictive = restrictive(s);
        boolean inAny = false;
        for (Glob g : s.resourcePatterns()) {
            if (!s.notResource() && g.isUniversal()) {
                return true; // every resource, known or not
            }
            inAny |= restrictive != s.notResource() ? g.intersects(resource) : g.covers(resource);
        }
        return s.notResource() ? !inAny : inAny;
    }
}

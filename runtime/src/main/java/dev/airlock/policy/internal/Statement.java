package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.util.List;

/**
 * One compiled statement. Matching follows one rule throughout: a restrictive statement (Deny,
 * RequireApproval, DryRun, RateLimit) applies when ANY of the call's actions and ANY of its resources fall in
 * it; an Allow applies only when ALL of them do. Unknown resources fall in every restrictive statement and in
 * no Allow narrower than {@code *}.
 */
final class Statement {

    /** What can be told about a statement from the action, classification, tool and environment alone. */
    enum FixedMatch { MATCHES, DOES_NOT_MATCH, DEPENDS_ON_CALL }

    private final String sid;
    private final Effect effect;
    private final String source;
    private final Glob[] actions;
    private final boolean notAction;
    private final Glob[] resources;
    /** The same patterns, compared with a call's resources segment by segment. */
    private final ArnPattern[] patterns;
    private final boolean notResource;
    /** Resource absent or {@code *}: every resource, known or not, falls in the statement. */
    private final boolean everyResource;
    private final Condition[] conditions;
    private final boolean fixedPerAction;
    private final Budget budget;
    private final PolicyDecision decision;
    private final int approvals;

    Statement(String sid, Effect effect, String source, List<Glob> actions, boolean notAction,
              List<Glob> resources, boolean notResource, List<Condition> conditions, Budget budget) {
        this(sid, effect, source, actions, notAction, resources, notResource, conditions, budget, 0);
    }

    /** @param approvals the {@code Approvals} of a RequireApproval statement; 0 when it sets none */
    Statement(String sid, Effect effect, String source, List<Glob> actions, boolean notAction,
              List<Glob> resources, boolean notResource, List<Condition> conditions, Budget budget,
              int approvals) {
        this.approvals = approvals;
        this.sid = sid;
        this.effect = effect;
        this.source = source;
        this.actions = actions.toArray(new Glob[0]);
        this.notAction = notAction;
        this.resources = resources.toArray(new Glob[0]);
        this.patterns = resources.stream().map(ArnPattern::of).toArray(ArnPattern[]::new);
        this.notResource = notResource;
        this.everyResource = !notResource && resources.stream().anyMatch(Glob::isUniversal);
        this.conditions = conditions.toArray(new Condition[0]);
        this.fixedPerAction = everyResource && conditions.stream().allMatch(c -> c.key().isFixedPerAction());
        this.budget = budget;
        this.decision = effect == Effect.RATE_LIMIT ? null
                : new PolicyDecision(effect, sid, source, List.of(), approvals);
    }

    String sid() {
        return sid;
    }

    Effect effect() {
        return effect;
    }

    String source() {
        return source;
    }

    /** How many approvers a RequireApproval statement asks for; 0 for the default. */
    int approvals() {
        return approvals;
    }

    /** The budget of a RateLimit statement; null for the others. */
    Budget budget() {
        return budget;
    }

    /** The Action or NotAction patterns, as written. */
    List<Glob> actionPatterns() {
        return List.of(actions);
    }

    boolean notAction() {
        return notAction;
    }

    /** The Resource or NotResource patterns, as written. */
    List<Glob> resourcePatterns() {
        return List.of(resources);
    }

    boolean notResource() {
        return notResource;
    }

    List<Condition> conditions() {
        return List.of(conditions);
    }

    /**
     * The patterns to index this statement under, or null when it must be tested for every resource: it
     * takes in every resource, it is a NotResource, or a pattern has a shape the index cannot follow.
     */
    ArnPattern[] indexablePatterns() {
        if (everyResource || notResource) {
            return null;
        }
        for (ArnPattern p : patterns) {
            if (!p.segmented()) {
                return null;
            }
        }
        return patterns;
    }

    /** The decision when this statement wins and no budget applies; null for RateLimit statements. */
    PolicyDecision decision() {
        return decision;
    }

    private boolean restrictive() {
        return effect != Effect.ALLOW;
    }

    /** Whether the statement's Action or NotAction takes in a call that needs these IAM actions. */
    boolean appliesToActions(List<String> callActions) {
        if (callActions.isEmpty()) {
            return false;
        }
        boolean restrictive = restrictive();
        for (int i = 0; i < callActions.size(); i++) {
            boolean named = names(callActions.get(i));
            if (restrictive && named) {
                return true;
            }
            if (!restrictive && !named) {
                return false;
            }
        }
        return !restrictive;
    }

    private boolean names(String action) {
        boolean listed = false;
        for (Glob g : actions) {
            if (g.matches(action)) {
                listed = true;
                break;
            }
        }
        return listed != notAction;
    }

    /**
     * Whether the statement matches the call, its actions being already known to apply; {@code resources} are
     * the call's resources, split once per call.
     */
    boolean matches(Call call, PolicyContext context, ArnText[] resources) {
        for (Condition c : conditions) {
            if (!c.test(call, context)) {
                return false;
            }
        }
        return everyResource || appliesToResources(resources);
    }

    FixedMatch matchFixed(Classification classification, PolicyContext context) {
        for (Condition c : conditions) {
            if (c.key().isFixedPerAction() && !c.testFixed(classification, context)) {
                return FixedMatch.DOES_NOT_MATCH;
            }
        }
        return fixedPerAction ? FixedMatch.MATCHES : FixedMatch.DEPENDS_ON_CALL;
    }

    private boolean appliesToResources(ArnText[] callResources) {
        boolean restrictive = restrictive();
        for (ArnText r : callResources) {
            boolean in = appliesTo(r);
            if (restrictive && in) {
                return true;
            }
            if (!restrictive && !in) {
                return false;
            }
        }
        return !restrictive;
    }

    /**
     * Whether one call resource falls in the statement. A restrictive statement takes a partly unknown
     * resource when it might be one of its own; an Allow only when it is surely one of its own.
     */
    private boolean appliesTo(ArnText resource) {
        boolean restrictive = restrictive();
        if (!notResource) {
            for (ArnPattern p : patterns) {
                if (restrictive ? p.intersects(resource) : p.covers(resource)) {
                    return true;
                }
            }
            return false;
        }
        for (ArnPattern p : patterns) {
            if (restrictive ? p.covers(resource) : p.intersects(resource)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return sid + " (" + effect.word() + ", " + source + ")";
    }
}

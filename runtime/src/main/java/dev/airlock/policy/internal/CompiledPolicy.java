package dev.airlock.policy.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed policy, indexed by IAM action. Immutable apart from its caches, which only ever gain equal
 * answers, so it is safe to share between threads.
 */
public final class CompiledPolicy implements Policy {

    /**
     * Bound on cached action sets. The IAM reference has about 22,000 actions; beyond the bound (only reached
     * by made-up actions) candidates are worked out on each call instead of growing the cache.
     */
    private static final int MAX_CACHED = 50_000;

    private static final CompiledPolicy EMPTY = new CompiledPolicy(List.of(), "built-in");

    private final String source;
    private final int size;
    /** Deny, RequireApproval, DryRun and Allow statements, by precedence, then file order. */
    private final Statement[] competing;
    /** RateLimit statements in file order. */
    private final Statement[] rateLimits;
    private final ConcurrentHashMap<String, Candidates> byAction = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<String>, Candidates> byActions = new ConcurrentHashMap<>();

    private CompiledPolicy(List<Statement> statements, String source) {
        this.source = source;
        this.size = statements.size();
        List<Statement> ranked = new ArrayList<>();
        List<Statement> budgets = new ArrayList<>();
        for (Statement s : statements) {
            (s.effect() == Effect.RATE_LIMIT ? budgets : ranked).add(s);
        }
        ranked.sort(Comparator.comparingInt(s -> precedence(s.effect()))); // stable: file order among equals
        this.competing = ranked.toArray(new Statement[0]);
        this.rateLimits = budgets.toArray(new Statement[0]);
    }

    public static Policy empty() {
        return EMPTY;
    }

    /** A policy of these statements, in file order. */
    static CompiledPolicy of(List<Statement> statements, String source) {
        return new CompiledPolicy(statements, source);
    }

    private static int precedence(Effect effect) {
        return switch (effect) {
            case DENY -> 0;
            case REQUIRE_APPROVAL -> 1;
            case DRY_RUN -> 2;
            case ALLOW -> 3;
            case RATE_LIMIT -> 4;
        };
    }

    @Override
    public PolicyDecision evaluate(Call call, PolicyContext context) {
        Candidates c = candidatesFor(call.actions());
        Statement[] competing = c.competing;
        int winner = -1;
        for (int i = 0; i < competing.length; i++) {
            if (competing[i].matches(call, context)) {
                winner = i;
                break;
            }
        }
        Statement[] rates = c.rateLimits;
        if (rates.length > 63) {
            boolean[] matched = new boolean[rates.length];
            for (int i = 0; i < rates.length; i++) {
                matched[i] = rates[i].matches(call, context);
            }
            return c.decide(winner, matched, call.classification());
        }
        long mask = 0;
        for (int i = 0; i < rates.length; i++) {
            if (rates[i].matches(call, context)) {
                mask |= 1L << i;
            }
        }
        return c.decide(winner, mask, call.classification());
    }

    /**
     * Settles the decision for calls whose only action is {@code action}, when it cannot depend on anything
     * else: statements that surely do not match are skipped, the first that surely matches wins, and one
     * whose outcome depends on the call makes the answer null.
     */
    @Override
    public PolicyDecision decideStatically(String action, Classification classification, PolicyContext context) {
        Candidates c = candidatesFor(action);
        int winner = -1;
        for (int i = 0; i < c.competing.length && winner < 0; i++) {
            switch (c.competing[i].matchFixed(classification, context)) {
                case DEPENDS_ON_CALL:
                    return null;
                case MATCHES:
                    winner = i;
                    break;
                default:
                    break;
            }
        }
        Statement[] rates = c.rateLimits;
        if (rates.length > 63) {
            return null;
        }
        long mask = 0;
        for (int i = 0; i < rates.length; i++) {
            Statement.FixedMatch m = rates[i].matchFixed(classification, context);
            if (m == Statement.FixedMatch.DEPENDS_ON_CALL) {
                return null;
            }
            if (m == Statement.FixedMatch.MATCHES) {
                mask |= 1L << i;
            }
        }
        return c.decide(winner, mask, classification);
    }

    private Candidates candidatesFor(String action) {
        Candidates c = byAction.get(action);
        if (c == null) {
            c = Candidates.select(competing, rateLimits, List.of(action));
            if (byAction.size() < MAX_CACHED) {
                Candidates earlier = byAction.putIfAbsent(action, c);
                c = earlier != null ? earlier : c;
            }
        }
        return c;
    }

    private Candidates candidatesFor(List<String> actions) {
        if (actions.size() == 1) {
            return candidatesFor(actions.get(0));
        }
        Candidates c = byActions.get(actions);
        if (c == null) {
            c = Candidates.select(competing, rateLimits, actions);
            if (byActions.size() < MAX_CACHED) {
                Candidates earlier = byActions.putIfAbsent(List.copyOf(actions), c);
                c = earlier != null ? earlier : c;
            }
        }
        return c;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "policy " + source + " (" + size + " statements)";
    }
}

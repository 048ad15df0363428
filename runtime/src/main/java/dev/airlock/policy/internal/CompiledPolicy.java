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

    /**
     * How a static decision names its statement when one of several resource-scoped Allow statements, or else
     * the statement after the prefix, allows the call: which one depends on the call, the outcome does not.
     */
    public static final String ANY_OF_ALLOWS = "allowed-by-resource-or:";

    private static final CompiledPolicy EMPTY = new CompiledPolicy(List.of(), "built-in");

    private final String source;
    private final int size;
    private final List<Statement> inFileOrder;
    /** Deny, RequireApproval, DryRun and Allow statements, by precedence, then file order. */
    private final Statement[] competing;
    /** RateLimit statements in file order. */
    private final Statement[] rateLimits;
    private final ConcurrentHashMap<String, Candidates> byAction = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<String>, Candidates> byActions = new ConcurrentHashMap<>();

    private CompiledPolicy(List<Statement> statements, String source) {
        this.source = source;
        this.size = statements.size();
        this.inFileOrder = List.copyOf(statements);
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
        ArnText[] resources = ArnText.allOf(call.resources());
        int winner = firstMatch(c.competing, c.competingIndex, call, context, resources);
        Statement[] rates = c.rateLimits;
        if (rates.length == 0) {
            return c.decide(winner, 0L, call.classification());
        }
        int[] tested = c.rateIndex.candidates(resources);
        if (rates.length > 63) {
            boolean[] matched = new boolean[rates.length];
            for (int k = 0, n = tested == null ? rates.length : tested.length; k < n; k++) {
                int i = tested == null ? k : tested[k];
                matched[i] = rates[i].matches(call, context, resources);
            }
            return c.decide(winner, matched, call.classification());
        }
        long mask = 0;
        for (int k = 0, n = tested == null ? rates.length : tested.length; k < n; k++) {
            int i = tested == null ? k : tested[k];
            if (rates[i].matches(call, context, resources)) {
                mask |= 1L << i;
            }
        }
        return c.decide(winner, mask, call.classification());
    }

    /** The first statement, in precedence order, that matches; -1 when none does. */
    private static int firstMatch(Statement[] statements, ResourceIndex index, Call call, PolicyContext context,
                                  ArnText[] resources) {
        if (statements.length == 0) {
            return -1;
        }
        int[] tested = index.candidates(resources);
        if (tested == null) {
            for (int i = 0; i < statements.length; i++) {
                if (statements[i].matches(call, context, resources)) {
                    return i;
                }
            }
            return -1;
        }
        for (int i : tested) {
            if (statements[i].matches(call, context, resources)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The Sids of every statement that matches the call, the competing ones in precedence order then the
     * RateLimit ones in file order, found through the index: what the differential test holds against a plain
     * evaluation of every statement.
     */
    List<String> matchingStatements(Call call, PolicyContext context) {
        Candidates c = candidatesFor(call.actions());
        ArnText[] resources = ArnText.allOf(call.resources());
        List<String> out = new ArrayList<>();
        addMatching(c.competing, c.competingIndex, call, context, resources, out);
        addMatching(c.rateLimits, c.rateIndex, call, context, resources, out);
        return out;
    }

    private static void addMatching(Statement[] statements, ResourceIndex index, Call call, PolicyContext context,
                                    ArnText[] resources, List<String> out) {
        int[] tested = index.candidates(resources);
        for (int k = 0, n = tested == null ? statements.length : tested.length; k < n; k++) {
            Statement s = statements[tested == null ? k : tested[k]];
            if (s.matches(call, context, resources)) {
                out.add(s.sid());
            }
        }
    }

    /**
     * Settles the decision for calls whose only action is {@code action}, when it cannot depend on anything
     * else: statements that surely do not match are skipped, the first that surely matches wins, and a
     * restrictive one whose outcome depends on the call makes the answer null. Allow statements whose outcome
     * depends on the call (they name resources, or test the region) do not: if none of them matches, what
     * follows them decides, and when that is an Allow too the call is allowed either way. The decision then
     * names them together (see {@link #ANY_OF_ALLOWS}).
     */
    @Override
    public PolicyDecision decideStatically(String action, Classification classification, PolicyContext context) {
        Candidates c = candidatesFor(action);
        int winner = -1;
        int openAllows = 0;
        for (int i = 0; i < c.competing.length && winner < 0; i++) {
            Statement s = c.competing[i];
            switch (s.matchFixed(classification, context)) {
                case DEPENDS_ON_CALL:
                    if (s.effect() != Effect.ALLOW) {
                        return null;
                    }
                    openAllows++;
                    break;
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
        PolicyDecision fallback = c.decide(winner, mask, classification);
        if (openAllows == 0) {
            return fallback;
        }
        if (fallback.effect() != Effect.ALLOW || !fallback.budgets().isEmpty()) {
            return null;
        }
        return new PolicyDecision(Effect.ALLOW, ANY_OF_ALLOWS + fallback.statementId(),
                openAllows + " Allow statement" + (openAllows == 1 ? "" : "s") + " of " + source + ", or "
                        + fallback.source(), List.of());
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

    /** The statements as written, for the plain evaluator the tests hold this one to. */
    List<Statement> statements() {
        return inFileOrder;
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

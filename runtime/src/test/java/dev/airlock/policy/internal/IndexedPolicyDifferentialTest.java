package dev.airlock.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexed evaluator against the plain one ({@link PlainPolicy}), on generated policies and calls: wildcards,
 * {@code ?}, NotAction, NotResource, conditions, unknown ARN segments, resource parts with colons, patterns whose
 * header {@code *} can swallow a colon. For every case both must find the same matching statements, statement by
 * statement, and the same decision.
 *
 * <p>The seed is fixed, so CI runs the same cases every time. {@code -Dairlock.differential.seed=random} picks and
 * prints a new one (any number repeats that run); {@code -Dairlock.differential.cases=N} changes how many.
 */
class IndexedPolicyDifferentialTest {

    private static final long FIXED_SEED = 20261201L;
    private static final int DEFAULT_CASES = 120_000;
    private static final int CALLS_PER_POLICY = 40;

    private static final Requester REQUESTER = new Requester("alice", "build-7", 4242, "coding-agent", null);
    private static final List<PolicyContext> CONTEXTS = List.of(new PolicyContext("coding-agent", "dev"),
            new PolicyContext("coding-agent", "prod"), new PolicyContext("cursor", null));

    private static final String[] CALL_ACTIONS = {"s3:GetObject", "s3:DeleteObject", "s3:PutObject",
            "s3:ListBucket", "dynamodb:GetItem", "dynamodb:DeleteTable", "dynamodb:Query", "lambda:InvokeFunction",
            "lambda:DeleteFunction", "sqs:ReceiveMessage", "sqs:PurgeQueue", "logs:DeleteLogGroup"};
    private static final String[] ACTION_PATTERNS = {"*", "s3:*", "s3:Get*", "*:Delete*", "dynamodb:*",
            "s3:?etObject", "lambda:*Function", "s3:GetObject", "sqs:*", "dynamodb:GetItem", "*:*", "logs:Delete*",
            "s3:DeleteObject", "lambda:InvokeFunction", "*:Purge?ueue", "dynamodb:Query"};
    private static final String[] SERVICES = {"s3", "dynamodb", "lambda", "sqs", "logs"};
    private static final String[] PARTITIONS = {"aws", "aws", "aws", "aws", "*", "aws-cn", "a?s", "aw*", ""};
    private static final String[] REGIONS = {"", "*", "*", "eu-west-1", "us-east-1", "eu-*", "?u-west-1", ""};
    private static final String[] ACCOUNTS = {"", "*", "*", "111122223333", "444455556666", "1111*", "?"};
    private static final String[] ID_TOKENS = {"team-1", "team-12", "team-2", "-", "a", "b", ":", "/", "table/",
            "function:", "x", "log-group:", "prod", "users"};
    private static final String[] PATTERN_TOKENS = {"*", "*", "?", "team-1", "team-12", "-", "a", ":", "/",
            "table/", "function:", "x", "log-group:", "prod"};

    @Test
    void theIndexedEvaluatorAgreesWithThePlainOneOnEveryGeneratedCase() {
        long seed = seed();
        int cases = Integer.getInteger("airlock.differential.cases", DEFAULT_CASES);
        Random r = new Random(seed);
        int checked = 0;
        int matchedSomething = 0;
        while (checked < cases) {
            CompiledPolicy indexed = CompiledPolicy.of(randomStatements(r), "generated.yaml");
            PlainPolicy plain = PlainPolicy.of(indexed);
            for (int c = 0; c < CALLS_PER_POLICY && checked < cases; c++, checked++) {
                Call call = randomCall(r);
                PolicyContext context = CONTEXTS.get(r.nextInt(CONTEXTS.size()));
                List<String> expected = plain.matchingStatements(call, context);
                String why = "seed " + seed + ", case " + checked + "\npolicy " + describe(indexed) + "\ncall "
                        + call + " " + call.actions() + " " + call.classification() + " origin " + call.origin()
                        + " account " + call.account() + " in " + context;
                assertThat(indexed.matchingStatements(call, context)).as(why).isEqualTo(expected);
                assertThat(indexed.evaluate(call, context)).as(why).isEqualTo(plain.evaluate(call, context));
                matchedSomething += expected.isEmpty() ? 0 : 1;
            }
        }
        // The generator must reach both sides of the question, or agreement would prove little.
        assertThat(matchedSomething).as("cases where some statement matched").isGreaterThan(cases / 5);
        assertThat(checked - matchedSomething).as("cases where none did").isGreaterThan(cases / 10);
    }

    @Test
    void segmentComparisonsAgreeWithTheWholeTextPatterns() {
        long seed = seed() + 1;
        Random r = new Random(seed);
        int aligned = 0;
        for (int k = 0; k < 200_000; k++) {
            Glob g = Glob.of(randomResourcePattern(r));
            String text = randomResource(r);
            ArnPattern p = ArnPattern.of(g);
            ArnText t = ArnText.of(text);
            String why = "seed " + seed + ": " + g + " against " + text;
            assertThat(p.intersects(t)).as("intersects, " + why).isEqualTo(g.intersects(text));
            assertThat(p.covers(t)).as("covers, " + why).isEqualTo(g.covers(text));
            aligned += p.segmented() && t.segmented ? 1 : 0;
        }
        assertThat(aligned).as("pairs compared segment by segment").isGreaterThan(50_000);
    }

    private static long seed() {
        String asked = System.getProperty("airlock.differential.seed");
        if (asked == null || asked.isBlank()) {
            return FIXED_SEED;
        }
        long seed = asked.equals("random") ? new Random().nextLong() : Long.parseLong(asked);
        System.out.println("IndexedPolicyDifferentialTest seed: " + seed
                + " (rerun with -Dairlock.differential.seed=" + seed + ")");
        return seed;
    }

    // ---- generated policies ----

    private static List<Statement> randomStatements(Random r) {
        int n = switch (r.nextInt(10)) {
            case 0 -> 1 + r.nextInt(3);
            case 1 -> 60 + r.nextInt(40); // some policies with more than 63 RateLimit statements for one action
            default -> 4 + r.nextInt(24);
        };
        boolean manyBudgets = n >= 60 && r.nextBoolean();
        List<Statement> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Effect effect = manyBudgets && r.nextInt(4) != 0 ? Effect.RATE_LIMIT : randomEffect(r);
            String sid = "S" + i;
            List<Glob> actions = new ArrayList<>();
            for (int a = 0, m = 1 + r.nextInt(3); a < m; a++) {
                actions.add(Glob.ignoringCase(pick(r, ACTION_PATTERNS)));
            }
            boolean notAction = r.nextInt(7) == 0;
            List<Glob> resources = new ArrayList<>();
            int kind = r.nextInt(10);
            if (kind == 0) {
                resources.add(Glob.of("*"));
            } else {
                for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) {
                    resources.add(Glob.of(r.nextInt(15) == 0 ? "*" : randomResourcePattern(r)));
                }
            }
            boolean notResource = kind != 0 && r.nextInt(6) == 0;
            List<Condition> conditions = new ArrayList<>();
            for (int k = 0, m = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0; k < m; k++) {
                conditions.add(randomCondition(r));
            }
            Budget budget = effect == Effect.RATE_LIMIT ? new Budget(sid, 1 + r.nextInt(9), 0, r.nextBoolean()) : null;
            out.add(new Statement(sid, effect, "generated.yaml:" + (i + 1), actions, notAction, resources,
                    notResource, conditions, budget));
        }
        return out;
    }

    private static Effect randomEffect(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> Effect.ALLOW;
            case 3 -> Effect.DENY;
            case 4 -> Effect.REQUIRE_APPROVAL;
            case 5 -> Effect.DRY_RUN;
            default -> Effect.RATE_LIMIT;
        };
    }

    private static Condition randomCondition(Random r) {
        Condition.Operator op = Condition.Operator.values()[r.nextInt(Condition.Operator.values().length)];
        boolean ifExists = r.nextInt(3) == 0;
        return switch (r.nextInt(8)) {
            case 0 -> new Condition(op, ifExists, ConditionKey.CLASSIFICATION, null,
                    List.of(pick(r, new String[] {"READ", "write", "DESTRUCTIVE", "R*"})));
            case 1 -> new Condition(op, ifExists, ConditionKey.ENVIRONMENT, null,
                    List.of(pick(r, new String[] {"prod", "dev", "p*"})));
            case 2 -> new Condition(op, ifExists, ConditionKey.TOOL, null,
                    List.of(pick(r, new String[] {"coding-agent", "cursor", "c*"})));
            case 3 -> new Condition(op, ifExists, ConditionKey.ORIGIN, null, List.of(pick(r, new String[] {"sdk", "cli"})));
            case 4 -> new Condition(op, ifExists, ConditionKey.REQUESTED_REGION, null,
                    List.of("eu-west-1", pick(r, new String[] {"us-east-1", "eu-*", "?s-east-1"})));
            case 5 -> new Condition(op, ifExists, ConditionKey.RESOURCE_ACCOUNT, null,
                    List.of(pick(r, new String[] {"111122223333", "1111*"})));
            case 6 -> new Condition(op, ifExists, ConditionKey.REQUEST_TAG, "Env",
                    List.of(pick(r, new String[] {"prod", "dev"})));
            default -> new Condition(op, ifExists, ConditionKey.RESOURCE_TAG, "Env", List.of("prod"));
        };
    }

    /** ARN patterns of every shape the index and the segment comparison must handle, and some they must refuse. */
    private static String randomResourcePattern(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> "arn:*";
            case 1 -> "arn:aws:" + pick(r, SERVICES) + ":*"; // fewer than five colons
            case 2 -> "arn:" + pick(r, PARTITIONS) + ":*:" + pick(r, REGIONS) + ":*:" + tokens(r, PATTERN_TOKENS, 4);
            case 3 -> "arn:*:" + pick(r, SERVICES) + ":*:*:" + tokens(r, PATTERN_TOKENS, 3);
            default -> "arn:" + pick(r, PARTITIONS) + ":" + (r.nextInt(12) == 0 ? pick(r, new String[] {"s?", "*", "s3*"})
                    : pick(r, SERVICES)) + ":" + pick(r, REGIONS) + ":" + pick(r, ACCOUNTS) + ":"
                    + tokens(r, PATTERN_TOKENS, 4);
        };
    }

    /** Call resources as the catalog makes them (unknown region or account as {@code *}), and odd ones. */
    private static String randomResource(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> "*";
            case 1 -> "not-an-arn";
            case 2 -> "arn:aws:" + pick(r, SERVICES) + ":eu-west-1"; // too few colons
            case 3 -> "arn:aws:" + pick(r, SERVICES) + ":*:*:" + tokens(r, ID_TOKENS, 3) + "/*"; // unknown id part
            case 4 -> "arn:aws:" + pick(r, SERVICES) + ":eu-*:*:" + tokens(r, ID_TOKENS, 3); // partly unknown
            case 5 -> "arn:aws:*:*:*:" + tokens(r, ID_TOKENS, 3); // unknown service
            default -> "arn:" + pick(r, new String[] {"aws", "aws", "aws", "aws-cn", "*"}) + ":" + pick(r, SERVICES)
                    + ":" + pick(r, new String[] {"", "*", "eu-west-1", "us-east-1"}) + ":"
                    + pick(r, new String[] {"", "*", "111122223333", "444455556666"}) + ":"
                    + tokens(r, ID_TOKENS, 4);
        };
    }

    private static Call randomCall(Random r) {
        List<String> actions = new ArrayList<>();
        actions.add(pick(r, CALL_ACTIONS));
        if (r.nextInt(6) == 0) {
            actions.add(pick(r, CALL_ACTIONS));
        }
        List<String> resources = new ArrayList<>();
        for (int k = 0, m = r.nextInt(8) == 0 ? 2 + r.nextInt(2) : 1; k < m; k++) {
            resources.add(randomResource(r));
        }
        String[] parts = actions.get(0).split(":");
        return Call.builder()
                .service(parts[0])
                .operation(parts[1])
                .actions(actions)
                .classification(Classification.values()[r.nextInt(3)])
                .origin(r.nextBoolean() ? "sdk" : "cli")
                .resources(resources)
                .region(pick(r, new String[] {null, "eu-west-1", "us-east-1"}))
                .account(r.nextBoolean() ? null : pick(r, new String[] {"111122223333", "444455556666"}))
                .parameters(r.nextBoolean() ? Map.of() : Map.of("Tags", Map.of("Env", r.nextBoolean() ? "prod" : "dev")))
                .requester(REQUESTER)
                .build();
    }

    private static String tokens(Random r, String[] tokens, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = r.nextInt(max + 1); i < n; i++) {
            sb.append(pick(r, tokens));
        }
        return sb.toString();
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String describe(CompiledPolicy policy) {
        StringBuilder sb = new StringBuilder();
        for (Statement s : policy.statements()) {
            sb.append("\n  ").append(s.sid()).append(' ').append(s.effect()).append(s.notAction() ? " NotAction " : " ")
                    .append(s.actionPatterns()).append(s.notResource() ? " NotResource " : " ")
                    .append(s.resourcePatterns()).append(' ').append(s.conditions());
        }
        return sb.toString();
    }
}

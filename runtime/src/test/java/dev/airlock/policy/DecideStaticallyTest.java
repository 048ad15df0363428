package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static dev.airlock.policy.Calls.PROD;
import static dev.airlock.policy.Calls.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.policy.internal.CompiledPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine decides reads from {@code decideStatically} without building the call, so its answer must be the
 * one {@code evaluate} gives for every call of that action.
 */
class DecideStaticallyTest {

    @Test
    void aPolicyWithoutResourcesOrCallConditionsIsDecidedStatically() {
        Policy p = policy("""
                Statement:
                  - { Sid: ProdReadsHeld, Effect: RequireApproval, Action: "s3:Get*",
                      Condition: { StringEquals: { airlock:Environment: prod } } }
                  - { Sid: Reads, Effect: Allow, Action: "s3:*", Resource: "*" }
                """);
        assertThat(p.decideStatically("s3:GetObject", Classification.READ, DEV).statementId()).isEqualTo("Reads");
        assertThat(p.decideStatically("s3:GetObject", Classification.READ, PROD).statementId())
                .isEqualTo("ProdReadsHeld");
        assertThat(p.decideStatically("dynamodb:GetItem", Classification.READ, DEV).statementId())
                .isEqualTo("default:read");
    }

    @Test
    void aStatementThatLooksAtTheCallMakesTheAnswerOpen() {
        Policy p = policy("""
                Statement:
                  - { Sid: SecretBucket, Effect: Deny, Action: "s3:GetObject", Resource: "arn:aws:s3:::secrets/*" }
                  - { Sid: UsOnly, Effect: Deny, Action: "dynamodb:*",
                      Condition: { StringNotEquals: { aws:RequestedRegion: us-east-1 } } }
                  - { Sid: NotProdBuckets, Effect: Allow, Action: "s3:ListBucket", NotResource: "arn:aws:s3:::prod" }
                  - { Sid: FromCli, Effect: DryRun, Action: "sqs:*", Condition: { StringEquals: { airlock:Origin: cli } } }
                """);
        assertThat(p.decideStatically("s3:GetObject", Classification.READ, DEV)).isNull();
        assertThat(p.decideStatically("dynamodb:GetItem", Classification.READ, DEV)).isNull();
        assertThat(p.decideStatically("s3:ListBucket", Classification.DESTRUCTIVE, DEV)).isNull();
        assertThat(p.decideStatically("sqs:ReceiveMessage", Classification.READ, DEV)).isNull();
        assertThat(p.decideStatically("s3:ListBuckets", Classification.READ, DEV).statementId())
                .isEqualTo("default:read");
    }

    @Test
    void readsThatOnlyResourceScopedAllowsNameStayOnTheFastPath() {
        Policy p = policy("""
                Statement:
                  - { Sid: TeamReads, Effect: Allow, Action: ["s3:GetObject", "dynamodb:GetItem"],
                      Resource: ["arn:aws:s3:::team-7-*/*", "arn:aws:dynamodb:*:*:table/team-7-*"] }
                  - { Sid: EuOnly, Effect: Allow, Action: "dynamodb:GetItem",
                      Condition: { StringEquals: { aws:RequestedRegion: eu-west-1 } } }
                  - { Sid: NoTeamDeletes, Effect: Deny, Action: "s3:Delete*", Resource: "arn:aws:s3:::team-*" }
                """);
        PolicyDecision read = p.decideStatically("s3:GetObject", Classification.READ, DEV);
        assertThat(read.effect()).isEqualTo(Effect.ALLOW);
        assertThat(read.statementId()).isEqualTo(CompiledPolicy.ANY_OF_ALLOWS + "default:read");
        assertThat(read.budgets()).isEmpty();
        assertThat(p.decideStatically("dynamodb:GetItem", Classification.READ, DEV).statementId())
                .isEqualTo(CompiledPolicy.ANY_OF_ALLOWS + "default:read");
        // The same Allows do not settle a destructive call: if none matches, the default holds it.
        assertThat(p.decideStatically("s3:GetObject", Classification.DESTRUCTIVE, DEV)).isNull();
        // A Deny that names resources does.
        assertThat(p.decideStatically("s3:DeleteObject", Classification.DESTRUCTIVE, DEV)).isNull();
    }

    @Test
    void statementsThatCannotApplyOrComeAfterTheWinnerDoNotMatter() {
        Policy p = policy("""
                Statement:
                  - { Sid: WritesOnly, Effect: Deny, Action: "s3:*", Resource: "arn:aws:s3:::prod/*",
                      Condition: { StringEquals: { airlock:Classification: WRITE } } }
                  - { Sid: ProdOnly, Effect: Deny, Action: "s3:*", Resource: "arn:aws:s3:::prod/*",
                      Condition: { StringEquals: { airlock:Environment: prod } } }
                  - { Sid: Reads, Effect: Allow, Action: "s3:Get*" }
                  - { Sid: NarrowReads, Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*" }
                """);
        assertThat(p.decideStatically("s3:GetObject", Classification.READ, DEV).statementId()).isEqualTo("Reads");
        assertThat(p.decideStatically("s3:GetObject", Classification.READ, PROD)).isNull();
        assertThat(p.decideStatically("s3:PutObject", Classification.WRITE, DEV)).isNull();
    }

    @Test
    void budgetsAreSettledToo() {
        Policy p = policy("""
                Statement:
                  - { Sid: Scans, Effect: RateLimit, Action: "dynamodb:Scan", Budget: { PerMinute: 100 } }
                  - { Sid: ProdScans, Effect: RateLimit, Action: "dynamodb:Scan", Resource: "arn:aws:dynamodb:*:*:table/prod",
                      Budget: { PerMinute: 1 } }
                """);
        PolicyDecision scan = p.decideStatically("dynamodb:Scan", Classification.READ, DEV);
        assertThat(scan).isNull();
        Policy simple = policy("""
                Statement:
                  - { Sid: Scans, Effect: RateLimit, Action: "dynamodb:Scan", Budget: { PerMinute: 100 } }
                """);
        PolicyDecision d = simple.decideStatically("dynamodb:Scan", Classification.READ, DEV);
        assertThat(d.effect()).isEqualTo(Effect.ALLOW);
        assertThat(d.budgets()).extracting(Budget::id).containsExactly("Scans");
    }

    // ---- the property, on random policies and calls ----

    private static final String[] STATEMENT_ACTIONS = {"\"*\"", "\"s3:*\"", "\"s3:Get*\"", "s3:DeleteObject",
            "\"*:Delete*\"", "\"dynamodb:*\"", "ec2:TerminateInstances", "\"s3:?etObject\"", "[s3:GetObject, iam:ListRoles]"};
    private static final String[] RESOURCES = {"", "", "", "Resource: \"*\"", "Resource: \"arn:aws:s3:::prod-*\"",
            "Resource: \"arn:aws:s3:::*\"", "Resource: \"arn:aws:dynamodb:*:*:table/prod-*\"",
            "NotResource: \"arn:aws:s3:::prod-*\"", "Resource: [\"*\", \"arn:aws:s3:::a\"]"};
    private static final String[] CONDITIONS = {"", "", "",
            "StringEquals: { airlock:Classification: READ }",
            "StringEquals: { airlock:Classification: [destructive, WRITE] }",
            "StringNotEquals: { airlock:Environment: prod }",
            "StringLike: { airlock:Tool: \"coding*\" }",
            "StringEqualsIfExists: { airlock:Environment: dev }",
            "StringEquals: { aws:RequestedRegion: eu-west-1 }",
            "StringNotEqualsIfExists: { aws:RequestedRegion: eu-west-1 }",
            "StringEquals: { airlock:Origin: cli }",
            "StringLike: { aws:ResourceAccount: \"1111*\" }",
            "StringEquals: { aws:RequestTag/Env: prod }",
            "StringEqualsIfExists: { aws:ResourceTag/Env: prod }",
            "StringEquals: { airlock:Environment: dev, airlock:Classification: READ }",
            "StringEquals: { airlock:Environment: dev, aws:RequestedRegion: us-east-1 }"};
    private static final String[] EFFECTS = {"Allow", "Allow", "Deny", "DryRun", "RequireApproval", "RateLimit"};
    private static final String[] CALL_ACTIONS = {"s3:GetObject", "s3:DeleteObject", "s3:PutObject",
            "dynamodb:DeleteTable", "dynamodb:GetItem", "ec2:TerminateInstances", "iam:ListRoles"};
    private static final List<List<String>> CALL_RESOURCES = List.of(List.of("*"), List.of("arn:aws:s3:::prod-1"),
            List.of("arn:aws:s3:::dev-1"), List.of("arn:aws:s3:::dev-1", "arn:aws:s3:::prod-2"),
            List.of("arn:aws:s3:::a"), List.of("arn:aws:dynamodb:eu-west-1:*:table/prod-x"),
            List.of("arn:aws:dynamodb:eu-west-1:111122223333:table/dev"));
    private static final List<PolicyContext> CONTEXTS = List.of(DEV, PROD, new PolicyContext("cursor", null));

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static Policy randomPolicy(Random r) {
        StringBuilder yaml = new StringBuilder("Statement:\n");
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String effect = pick(r, EFFECTS);
            yaml.append("  - Sid: S").append(i).append('\n')
                    .append("    Effect: ").append(effect).append('\n')
                    .append("    ").append(r.nextInt(6) == 0 ? "NotAction" : "Action").append(": ")
                    .append(pick(r, STATEMENT_ACTIONS)).append('\n');
            String resource = pick(r, RESOURCES);
            if (!resource.isEmpty()) {
                yaml.append("    ").append(resource).append('\n');
            }
            String condition = pick(r, CONDITIONS);
            if (!condition.isEmpty()) {
                yaml.append("    Condition:\n      ").append(condition).append('\n');
            }
            if (effect.equals("RateLimit")) {
                yaml.append("    Budget: { PerMinute: ").append(1 + r.nextInt(9)).append(" }\n");
            }
        }
        return policy(yaml.toString());
    }

    private static Call randomCall(Random r, String action, Classification classification) {
        String[] parts = action.split(":");
        return Call.builder()
                .service(parts[0])
                .operation(parts[1])
                .actions(List.of(action))
                .classification(classification)
                .origin(r.nextBoolean() ? "sdk" : "cli")
                .resources(CALL_RESOURCES.get(r.nextInt(CALL_RESOURCES.size())))
                .region(new String[] {null, "eu-west-1", "us-east-1"}[r.nextInt(3)])
                .account(r.nextBoolean() ? null : "111122223333")
                .parameters(r.nextBoolean() ? Map.of() : Map.of("Tags", Map.of("Env", r.nextBoolean() ? "prod" : "dev")))
                .requester(Calls.REQUESTER)
                .build();
    }

    @Test
    void neverContradictsEvaluateOnRandomPoliciesAndCalls() {
        Random r = new Random(20261101);
        int settled = 0;
        int open = 0;
        int grouped = 0;
        for (int k = 0; k < 400; k++) {
            Policy p = randomPolicy(r);
            for (String action : CALL_ACTIONS) {
                for (Classification classification : Classification.values()) {
                    for (PolicyContext ctx : CONTEXTS) {
                        PolicyDecision fixed = p.decideStatically(action, classification, ctx);
                        if (fixed == null) {
                            open++;
                            continue;
                        }
                        settled++;
                        boolean anyOfAllows = fixed.statementId().startsWith(CompiledPolicy.ANY_OF_ALLOWS);
                        grouped += anyOfAllows ? 1 : 0;
                        for (int c = 0; c < 12; c++) {
                            Call call = randomCall(r, action, classification);
                            PolicyDecision evaluated = p.evaluate(call, ctx);
                            if (anyOfAllows) {
                                // Which Allow decides depends on the call; that it is an Allow without budget does not.
                                assertThat(evaluated.effect()).as("policy %s%ncall %s in %s", p, call, ctx)
                                        .isEqualTo(Effect.ALLOW);
                                assertThat(evaluated.budgets()).isEmpty();
                            } else {
                                assertThat(evaluated).as("policy %s%ncall %s in %s", p, call, ctx).isEqualTo(fixed);
                            }
                        }
                    }
                }
            }
        }
        assertThat(settled).as("the property is exercised").isGreaterThan(5_000);
        assertThat(open).as("and so is the open answer").isGreaterThan(1_000);
        assertThat(grouped).as("and Allows settled together").isGreaterThan(500);
    }
}

package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static dev.airlock.policy.Calls.destructive;
import static dev.airlock.policy.Calls.policy;
import static dev.airlock.policy.Calls.read;
import static dev.airlock.policy.Calls.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statement wins, the built-in default, and budgets. */
class PolicyPrecedenceTest {

    @Test
    void denyBeatsApprovalBeatsDryRunBeatsAllowWhateverTheOrder() {
        Policy p = policy("""
                Statement:
                  - { Sid: A, Effect: Allow, Action: "s3:*" }
                  - { Sid: D, Effect: DryRun, Action: "s3:Delete*" }
                  - { Sid: R, Effect: RequireApproval, Action: "s3:DeleteBucket*" }
                  - { Sid: X, Effect: Deny, Action: "s3:DeleteBucket" }
                """);
        assertThat(p.evaluate(destructive("s3:DeleteBucket"), DEV).statementId()).isEqualTo("X");
        assertThat(p.evaluate(destructive("s3:DeleteBucketPolicy"), DEV).statementId()).isEqualTo("R");
        assertThat(p.evaluate(destructive("s3:DeleteObject"), DEV).statementId()).isEqualTo("D");
        assertThat(p.evaluate(write("s3:PutObject"), DEV).statementId()).isEqualTo("A");
    }

    @Test
    void amongEqualsTheFirstInTheFileWins() {
        Policy p = policy("""
                Statement:
                  - { Sid: Broad, Effect: RequireApproval, Action: "*" }
                  - { Sid: Narrow, Effect: RequireApproval, Action: "s3:DeleteBucket" }
                """);
        PolicyDecision d = p.evaluate(destructive("s3:DeleteBucket"), DEV);
        assertThat(d.statementId()).isEqualTo("Broad");
        assertThat(d.source()).isEqualTo("test.yaml:2");
    }

    @Test
    void withNoMatchTheDefaultDependsOnTheClassification() {
        Policy p = policy("""
                Statement:
                  - { Sid: Other, Effect: Deny, Action: "ec2:*" }
                """);
        assertThat(p.evaluate(read("s3:GetObject"), DEV))
                .isEqualTo(new PolicyDecision(Effect.ALLOW, "default:read", "built-in", List.of()));
        assertThat(p.evaluate(write("s3:PutObject"), DEV))
                .isEqualTo(new PolicyDecision(Effect.ALLOW, "default:write", "built-in", List.of()));
        assertThat(p.evaluate(destructive("s3:DeleteBucket"), DEV))
                .isEqualTo(new PolicyDecision(Effect.REQUIRE_APPROVAL, "default:destructive", "built-in", List.of()));
    }

    @Test
    void theBuiltInDefaultPolicyAppliesTheDefaultToEverything() {
        Policy p = Policy.builtInDefault();
        assertThat(p.evaluate(read("s3:GetObject"), DEV).statementId()).isEqualTo("default:read");
        assertThat(p.evaluate(destructive("s3:DeleteBucket"), DEV).effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(p.decideStatically("s3:DeleteBucket", dev.airlock.call.Classification.DESTRUCTIVE, DEV)
                .statementId()).isEqualTo("default:destructive");
    }

    @Test
    void aUserAllowOverridesTheDefaultForADestructiveCall() {
        Policy p = policy("""
                Statement:
                  - { Sid: Sandbox, Effect: Allow, Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::sandbox-*" }
                """);
        PolicyDecision d = p.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::sandbox-1"), DEV);
        assertThat(d.effect()).isEqualTo(Effect.ALLOW);
        assertThat(d.statementId()).isEqualTo("Sandbox");
        assertThat(p.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::other"), DEV).statementId())
                .isEqualTo("default:destructive");
    }

    @Test
    void everyMatchingBudgetComesWithTheWinnerInFileOrder() {
        Policy p = policy("""
                Statement:
                  - Sid: PerCall
                    Effect: RateLimit
                    Action: "*:Delete*"
                    Budget: { PerMinute: 5 }
                  - Sid: NoProd
                    Effect: Deny
                    Action: "s3:DeleteBucket"
                    Resource: "arn:aws:s3:::prod-*"
                  - Sid: PerKey
                    Effect: RateLimit
                    Action: "s3:DeleteObject*"
                    Budget: { PerHour: 1000, Count: resources }
                  - Sid: NotThisOne
                    Effect: RateLimit
                    Action: "ec2:*"
                    Budget: { PerHour: 1 }
                """);
        Budget perCall = new Budget("PerCall", 5, 0, false);
        Budget perKey = new Budget("PerKey", 0, 1000, true);

        PolicyDecision prod = p.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::prod-1"), DEV);
        assertThat(prod.effect()).isEqualTo(Effect.DENY);
        assertThat(prod.budgets()).containsExactly(perCall);

        PolicyDecision keys = p.evaluate(destructive("s3:DeleteObjects", "arn:aws:s3:::b/k1", "arn:aws:s3:::b/k2"), DEV);
        assertThat(keys.statementId()).as("budgets alone allow").isEqualTo("PerCall");
        assertThat(keys.effect()).isEqualTo(Effect.ALLOW);
        assertThat(keys.budgets()).containsExactly(perCall, perKey);

        PolicyDecision terminate = p.evaluate(destructive("ec2:TerminateInstances"), DEV);
        assertThat(terminate.statementId()).isEqualTo("NotThisOne");
        assertThat(terminate.budgets()).extracting(Budget::id).containsExactly("NotThisOne");
    }

    @Test
    void budgetsAloneAllowTheCallUnderTheFirstOnesName() {
        Policy p = policy("""
                Statement:
                  - { Sid: Hourly, Effect: RateLimit, Action: "s3:DeleteObject", Budget: { PerHour: 100 } }
                  - { Sid: Minutely, Effect: RateLimit, Action: "s3:Delete*", Budget: { PerMinute: 10 } }
                """);
        PolicyDecision d = p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::b/k"), DEV);
        assertThat(d.effect()).isEqualTo(Effect.ALLOW);
        assertThat(d.statementId()).isEqualTo("Hourly");
        assertThat(d.source()).isEqualTo("test.yaml:2");
        assertThat(d.budgets()).extracting(Budget::id).containsExactly("Hourly", "Minutely");

        PolicyDecision bucket = p.evaluate(destructive("s3:DeleteBucket", "arn:aws:s3:::b"), DEV);
        assertThat(bucket.statementId()).isEqualTo("Minutely");
        assertThat(bucket.budgets()).extracting(Budget::id).containsExactly("Minutely");
    }

    @Test
    void budgetsMatchLikeOtherRestrictiveStatements() {
        Policy p = policy("""
                Statement:
                  - Sid: ProdKeys
                    Effect: RateLimit
                    Action: "s3:DeleteObject"
                    Resource: "arn:aws:s3:::prod/*"
                    Condition: { StringEquals: { airlock:Environment: dev } }
                    Budget: { PerMinute: 1 }
                """);
        assertThat(p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::dev/a", "arn:aws:s3:::prod/b"), DEV)
                .statementId()).isEqualTo("ProdKeys");
        assertThat(p.evaluate(destructive("s3:DeleteObject", "*"), DEV).statementId()).isEqualTo("ProdKeys");
        assertThat(p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::dev/a"), DEV).statementId())
                .isEqualTo("default:destructive");
        assertThat(p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::prod/a"), Calls.PROD).statementId())
                .isEqualTo("default:destructive");
    }

    @Test
    void manyBudgetsOnOneActionAreAllReturned() {
        StringBuilder yaml = new StringBuilder("Statement:\n");
        for (int i = 0; i < 70; i++) {
            yaml.append("  - { Sid: B").append(i).append(", Effect: RateLimit, Action: \"s3:Delete*\", Budget: { PerMinute: ")
                    .append(i + 1).append(" } }\n");
        }
        yaml.append("  - { Sid: Held, Effect: RequireApproval, Action: \"s3:*\" }\n");
        Policy p = policy(yaml.toString());

        PolicyDecision d = p.evaluate(destructive("s3:DeleteObject"), DEV);
        assertThat(d.statementId()).isEqualTo("Held");
        assertThat(d.budgets()).hasSize(70);
        assertThat(d.budgets().get(69)).isEqualTo(new Budget("B69", 70, 0, false));
    }

    @Test
    void decisionsAreReusedForEqualOutcomes() {
        Policy p = policy("""
                Statement:
                  - { Sid: Held, Effect: RequireApproval, Action: "s3:DeleteObject" }
                  - { Sid: Budget, Effect: RateLimit, Action: "s3:DeleteObject", Budget: { PerMinute: 5 } }
                """);
        PolicyDecision first = p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::b/1"), DEV);
        PolicyDecision second = p.evaluate(destructive("s3:DeleteObject", "arn:aws:s3:::b/2"), DEV);
        assertThat(second).isSameAs(first);
    }
}

package dev.airlock.policy;

import static dev.airlock.policy.Calls.DEV;
import static dev.airlock.policy.Calls.PROD;
import static dev.airlock.policy.Calls.call;
import static dev.airlock.policy.Calls.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditions: operators, IfExists, AND of keys, OR of values, and where each key's value comes from. */
class PolicyConditionsTest {

    private static boolean denied(Policy p, Call call, PolicyContext ctx) {
        return p.evaluate(call, ctx).effect() == Effect.DENY;
    }

    private static Policy denyWhen(String condition) {
        return policy("""
                Statement:
                  - Sid: Guard
                    Effect: Deny
                    Action: "*"
                    Condition:
                """ + condition.indent(6));
    }

    private static Call.Builder deleteTable() {
        return call("dynamodb:DeleteTable", Classification.DESTRUCTIVE);
    }

    @Test
    void stringEqualsAcceptsAnyOfItsValues() {
        Policy p = denyWhen("StringEquals: { aws:RequestedRegion: [us-east-1, us-west-2] }");
        assertThat(denied(p, deleteTable().region("us-east-1").build(), DEV)).isTrue();
        assertThat(denied(p, deleteTable().region("us-west-2").build(), DEV)).isTrue();
        assertThat(denied(p, deleteTable().region("eu-west-1").build(), DEV)).isFalse();
        assertThat(denied(p, deleteTable().region("US-EAST-1").build(), DEV)).as("case-sensitive").isFalse();
    }

    @Test
    void stringNotEqualsHoldsWhenTheValueIsNoneOfThem() {
        Policy p = denyWhen("StringNotEquals: { aws:RequestedRegion: [eu-west-1, eu-central-1] }");
        assertThat(denied(p, deleteTable().region("us-east-1").build(), DEV)).isTrue();
        assertThat(denied(p, deleteTable().region("eu-west-1").build(), DEV)).isFalse();
        assertThat(denied(p, deleteTable().region("eu-central-1").build(), DEV)).isFalse();
    }

    @Test
    void stringLikeAndNotLikeUseWildcards() {
        Policy like = denyWhen("StringLike: { airlock:Tool: [\"coding-*\", \"cursor?\"] }");
        assertThat(denied(like, deleteTable().build(), new PolicyContext("coding-agent", "dev"))).isTrue();
        assertThat(denied(like, deleteTable().build(), new PolicyContext("cursor1", "dev"))).isTrue();
        assertThat(denied(like, deleteTable().build(), new PolicyContext("cursor12", "dev"))).isFalse();
        assertThat(denied(like, deleteTable().build(), new PolicyContext("aider", "dev"))).isFalse();

        Policy notLike = denyWhen("StringNotLike: { airlock:Environment: \"dev*\" }");
        assertThat(denied(notLike, deleteTable().build(), PROD)).isTrue();
        assertThat(denied(notLike, deleteTable().build(), new PolicyContext("t", "dev-2"))).isFalse();
    }

    @Test
    void aMissingKeyMakesTheConditionFalseUnlessIfExists() {
        Call global = deleteTable().build(); // no region
        assertThat(denied(denyWhen("StringEquals: { aws:RequestedRegion: us-east-1 }"), global, DEV)).isFalse();
        assertThat(denied(denyWhen("StringNotEquals: { aws:RequestedRegion: us-east-1 }"), global, DEV)).isFalse();
        assertThat(denied(denyWhen("StringLike: { aws:RequestedRegion: \"*\" }"), global, DEV)).isFalse();
        assertThat(denied(denyWhen("StringEqualsIfExists: { aws:RequestedRegion: us-east-1 }"), global, DEV)).isTrue();
        assertThat(denied(denyWhen("StringNotLikeIfExists: { aws:RequestedRegion: \"eu-*\" }"), global, DEV)).isTrue();

        Call inEurope = deleteTable().region("eu-west-1").build();
        assertThat(denied(denyWhen("StringNotLikeIfExists: { aws:RequestedRegion: \"eu-*\" }"), inEurope, DEV)).isFalse();
        assertThat(denied(denyWhen("StringEqualsIfExists: { aws:RequestedRegion: us-east-1 }"), inEurope, DEV)).isFalse();
    }

    @Test
    void allKeysAndAllOperatorsMustHold() {
        Policy p = denyWhen("""
                StringEquals:
                  airlock:Environment: prod
                  airlock:Origin: sdk
                StringLike:
                  aws:ResourceAccount: "1111*"
                """);
        Call call = deleteTable().account("111122223333").build();
        assertThat(denied(p, call, PROD)).isTrue();
        assertThat(denied(p, call, DEV)).isFalse();
        assertThat(denied(p, deleteTable().account("999922223333").build(), PROD)).isFalse();
        assertThat(denied(p, deleteTable().origin("cli").account("111122223333").build(), PROD)).isFalse();
    }

    @Test
    void classificationsCompareWhateverTheirCase() {
        Policy p = denyWhen("StringEquals: { airlock:Classification: [destructive, Write] }");
        assertThat(denied(p, call("s3:DeleteBucket", Classification.DESTRUCTIVE).build(), DEV)).isTrue();
        assertThat(denied(p, call("s3:PutObject", Classification.WRITE).build(), DEV)).isTrue();
        assertThat(denied(p, call("s3:GetObject", Classification.READ).build(), DEV)).isFalse();

        Policy like = denyWhen("StringLike: { airlock:classification: \"d*\" }");
        assertThat(denied(like, call("s3:DeleteBucket", Classification.DESTRUCTIVE).build(), DEV)).isTrue();
    }

    @Test
    void conditionKeyNamesAreCaseInsensitive() {
        Policy p = denyWhen("StringEquals: { AWS:requestedregion: us-east-1 }");
        assertThat(denied(p, deleteTable().region("us-east-1").build(), DEV)).isTrue();
    }

    @Test
    void toolAndEnvironmentComeFromTheContext() {
        Policy p = denyWhen("StringEquals: { airlock:Tool: coding-agent, airlock:Environment: prod }");
        assertThat(denied(p, deleteTable().build(), PROD)).isTrue();
        assertThat(denied(p, deleteTable().build(), new PolicyContext("cursor", "prod"))).isFalse();
        assertThat(denied(p, deleteTable().build(), new PolicyContext("coding-agent", null))).isFalse();
    }

    @Test
    void requestTagsAreReadFromEveryShapeServicesUse() {
        Policy p = denyWhen("StringEquals: { aws:RequestTag/Environment: prod }");
        Call.Builder run = call("ec2:RunInstances", Classification.WRITE);

        Map<String, Object> ec2 = Map.of("TagSpecifications", List.of(
                Map.of("ResourceType", "instance", "Tags", List.of(Map.of("Key", "Environment", "Value", "prod")))));
        Map<String, Object> iam = Map.of("Tags", List.of(Map.of("Key", "Team", "Value", "a"),
                Map.of("Key", "environment", "Value", "prod")));
        Map<String, Object> ecs = Map.of("tags", List.of(Map.of("key", "Environment", "value", "prod")));
        Map<String, Object> lambda = Map.of("Tags", Map.of("Environment", "prod"));
        Map<String, Object> s3Put = Map.of("Tagging", "Team=a&Environment=pr%6Fd");
        Map<String, Object> s3Bucket = Map.of("Tagging", Map.of("TagSet",
                List.of(Map.of("Key", "Environment", "Value", "prod"))));
        for (Map<String, Object> params : List.of(ec2, iam, ecs, lambda, s3Put, s3Bucket)) {
            assertThat(denied(p, run.parameters(params).build(), DEV)).as("%s", params).isTrue();
        }

        assertThat(denied(p, run.parameters(Map.of("Tags", Map.of("Environment", "dev"))).build(), DEV)).isFalse();
        assertThat(denied(p, run.parameters(Map.of("Tags", List.of())).build(), DEV)).isFalse();
        assertThat(denied(p, run.parameters(Map.of("Name", "x")).build(), DEV)).isFalse();
        assertThat(denied(p, run.parameters(Map.of("Tags", "not a tag list")).build(), DEV)).isFalse();
    }

    @Test
    void untaggedCreationsCanBeHeldWithIfExists() {
        Policy p = policy("""
                Statement:
                  - Sid: OwnersOnly
                    Effect: RequireApproval
                    Action: dynamodb:CreateTable
                    Condition:
                      StringNotLikeIfExists: { aws:RequestTag/Owner: "team-*" }
                """);
        Call.Builder create = call("dynamodb:CreateTable", Classification.WRITE);
        assertThat(p.evaluate(create.parameters(Map.of()).build(), DEV).statementId()).isEqualTo("OwnersOnly");
        assertThat(p.evaluate(create.parameters(Map.of("Tags", List.of(Map.of("Key", "Owner", "Value", "bob"))))
                .build(), DEV).statementId()).isEqualTo("OwnersOnly");
        assertThat(p.evaluate(create.parameters(Map.of("Tags", List.of(Map.of("Key", "Owner", "Value", "team-x"))))
                .build(), DEV).statementId()).isEqualTo("default:write");
    }

    @Test
    void resourceTagsAreNotKnownYetSoOnlyIfExistsHolds() {
        Call call = deleteTable().parameters(Map.of("Tags", Map.of("Environment", "prod"))).build();
        assertThat(denied(denyWhen("StringEquals: { aws:ResourceTag/Environment: prod }"), call, DEV)).isFalse();
        assertThat(denied(denyWhen("StringNotEquals: { aws:ResourceTag/Environment: prod }"), call, DEV)).isFalse();
        assertThat(denied(denyWhen("StringEqualsIfExists: { aws:ResourceTag/Environment: prod }"), call, DEV)).isTrue();
    }

    @Test
    void numbersAndBooleansInValuesAreComparedAsWritten() {
        Policy p = denyWhen("StringEquals: { airlock:Environment: [true, 42] }");
        assertThat(denied(p, deleteTable().build(), new PolicyContext("t", "true"))).isTrue();
        assertThat(denied(p, deleteTable().build(), new PolicyContext("t", "42"))).isTrue();
        assertThat(denied(p, deleteTable().build(), new PolicyContext("t", "43"))).isFalse();
    }
}

package dev.airlock.process.internal;

import static dev.airlock.process.internal.Fixtures.calls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCliTest {

    private static Call only(String... argv) {
        List<Recognised> found = calls(List.of(argv));
        assertThat(found).hasSize(1);
        return found.get(0).call();
    }

    @Test
    void aCommandIsItsApiOperationWithTheSameFieldsAsTheSdkWouldSend() {
        Call call = only("aws", "dynamodb", "delete-table", "--table-name", "orders", "--region", "eu-west-1");

        assertThat(call.origin()).isEqualTo("cli");
        assertThat(call.service()).isEqualTo("dynamodb");
        assertThat(call.operation()).isEqualTo("DeleteTable");
        assertThat(call.action()).isEqualTo("dynamodb:DeleteTable");
        assertThat(call.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(call.region()).isEqualTo("eu-west-1");
        assertThat(call.parameters()).containsEntry("TableName", "orders").doesNotContainKey("Region");
    }

    @Test
    void cliServiceNamesBecomeIamPrefixes() {
        assertThat(only("aws", "s3api", "delete-bucket", "--bucket", "b").action()).isEqualTo("s3:DeleteBucket");
        assertThat(only("aws", "elbv2", "delete-load-balancer", "--load-balancer-arn", "x").action())
                .isEqualTo("elasticloadbalancing:DeleteLoadBalancer");
        assertThat(only("aws", "stepfunctions", "delete-state-machine", "--state-machine-arn", "x").action())
                .isEqualTo("states:DeleteStateMachine");
        assertThat(only("aws", "logs", "delete-log-group", "--log-group-name", "g").action())
                .isEqualTo("logs:DeleteLogGroup");
    }

    @Test
    void theCatalogNamesTheIamActionWhenItDiffersFromTheOperation() {
        Call list = only("aws", "s3api", "list-objects-v2", "--bucket", "b");

        assertThat(list.operation()).isEqualTo("ListObjectsV2");
        assertThat(list.action()).isEqualTo("s3:ListBucket");
        assertThat(list.classification()).isEqualTo(Classification.READ);
        assertThat(list.resources()).containsExactly("arn:aws:s3:::b");
    }

    @Test
    void acronymsInOperationNamesAreSpelledAsTheCatalogSpellsThem() {
        assertThat(only("aws", "rds", "delete-db-instance", "--db-instance-identifier", "db1").operation())
                .isEqualTo("DeleteDBInstance");
    }

    @Test
    void globalOptionsMayComeAnywhereAndAreNotRequestFields() {
        Call call = only("aws", "--profile", "prod", "--region=us-west-2", "sqs", "delete-queue", "--output",
                "json", "--queue-url", "https://q", "--no-cli-pager", "--debug");

        assertThat(call.operation()).isEqualTo("DeleteQueue");
        assertThat(call.region()).isEqualTo("us-west-2");
        assertThat(call.parameters()).containsOnlyKeys("QueueUrl");
    }

    @Test
    void valuesBecomePlainJavaValues() {
        Call call = only("aws", "ecs", "update-service", "--cluster", "c", "--service", "web", "--desired-count",
                "0", "--force-new-deployment", "--no-enable-execute-command", "--tags",
                "[{\"key\":\"a\",\"value\":\"b\"}]", "--capacity-provider-strategy", "x", "y");

        assertThat(call.parameters())
                .containsEntry("DesiredCount", 0L)
                .containsEntry("ForceNewDeployment", true)
                .containsEntry("EnableExecuteCommand", false)
                .containsEntry("Tags", List.of(Map.of("key", "a", "value", "b")))
                .containsEntry("CapacityProviderStrategy", List.of("x", "y"));
        assertThat(call.classification()).as("the catalog's request rules see the fields")
                .isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void cliInputJsonFromAFileIsTheRequest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("req.json"), "{\"Bucket\": \"from-file\"}");

        List<Recognised> found = CommandReader.read(List.of("aws", "s3api", "delete-bucket", "--cli-input-json",
                "file://req.json"), Fixtures.ENV, dir, Fixtures.TOOLS).calls();

        assertThat(found.get(0).call().parameters()).containsEntry("Bucket", "from-file");
        assertThat(found.get(0).call().resources()).containsExactly("arn:aws:s3:::from-file");
    }

    @Test
    void regionAndEndpointComeFromTheChildsEnvironment() {
        Env env = Env.of(Map.of("AWS_DEFAULT_REGION", "ap-south-1", "AWS_ENDPOINT_URL_S3", "http://localhost:9090"));

        Call call = CommandReader.read(List.of("aws", "s3api", "delete-bucket", "--bucket", "b"), env,
                Fixtures.DIR, Fixtures.TOOLS).calls().get(0).call();

        assertThat(call.region()).isEqualTo("ap-south-1");
        assertThat(call.endpoint()).isEqualTo("http://localhost:9090");
    }

    @Test
    void anEc2DryRunChangesNothing() {
        assertThat(only("aws", "ec2", "terminate-instances", "--instance-ids", "i-1", "--dry-run")
                .classification()).isEqualTo(Classification.READ);
        assertThat(only("aws", "ec2", "terminate-instances", "--instance-ids", "i-1", "--no-dry-run")
                .classification()).isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void commandsTheCliAddsMapToTheOperationsTheyCall() {
        Call deploy = only("aws", "cloudformation", "deploy", "--stack-name", "s", "--template-file", "t.yaml");
        assertThat(deploy.operation()).isEqualTo("ExecuteChangeSet");
        assertThat(deploy.actions()).contains("cloudformation:ExecuteChangeSet", "cloudformation:CreateChangeSet");

        Call terminate = only("aws", "emr", "terminate-clusters", "--cluster-ids", "j-1");
        assertThat(terminate.action()).isEqualTo("elasticmapreduce:TerminateJobFlows");
        assertThat(terminate.classification()).isEqualTo(Classification.DESTRUCTIVE);

        assertThat(only("aws", "logs", "tail", "/aws/lambda/f").classification()).isEqualTo(Classification.READ);
        assertThat(only("aws", "ec2", "wait", "instance-running", "--instance-ids", "i-1").classification())
                .isEqualTo(Classification.READ);
    }

    @Test
    void commandsThatCallNothingMakeNoCall() {
        assertThat(calls(List.of("aws", "--version"))).isEmpty();
        assertThat(calls(List.of("aws", "configure", "set", "region", "eu-west-1"))).isEmpty();
        assertThat(calls(List.of("aws", "help"))).isEmpty();
        assertThat(calls(List.of("aws", "ec2", "help"))).isEmpty();
        assertThat(calls(List.of("aws", "s3api", "delete-bucket", "--generate-cli-skeleton"))).isEmpty();
        assertThat(calls(List.of("aws"))).isEmpty();
    }

    @Test
    void aServiceOrOperationKnownOnlyAtRunTimeIsTreatedAsDestructive() {
        List<Recognised> found = Fixtures.script("read OP; aws s3api \"$OP\" --bucket b");

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.call().action()).isEqualTo("s3:UnresolvedCommand");
            assertThat(r.call().classification()).isEqualTo(Classification.DESTRUCTIVE);
        });
    }

    @Test
    void aFieldKnownOnlyAtRunTimeIsKeptAsWrittenButNamesNoResource() {
        Call call = Fixtures.script("read B; aws s3api delete-bucket --bucket \"$B\"").get(0).call();

        assertThat(call.parameters()).containsEntry("Bucket", "$B");
        assertThat(call.resources()).containsExactly("*");
    }

    @Test
    void theSameCommandHasTheSameFingerprintAndAnotherBucketAnother() {
        String a = only("aws", "s3api", "delete-bucket", "--bucket", "a").fingerprint();
        String again = Fixtures.script("aws s3api delete-bucket --bucket 'a'").get(0).call().fingerprint();
        String b = only("aws", "s3api", "delete-bucket", "--bucket", "b").fingerprint();

        assertThat(again).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
    }
}

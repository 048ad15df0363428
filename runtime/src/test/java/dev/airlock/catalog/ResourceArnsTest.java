package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ARNs a request touches, as policies and least-privilege sessions will see them. */
class ResourceArnsTest {

    private static final String ACCOUNT = "123456789012";
    private final ActionCatalog catalog = ActionCatalog.builtIn();

    private List<String> arns(String service, String operation, Map<String, Object> request) {
        return arns(service, operation, request, "us-east-1", ACCOUNT);
    }

    private List<String> arns(String service, String operation, Map<String, Object> request, String region,
                              String account) {
        return catalog.resources(catalog.operation(service, operation), request, region, account);
    }

    @Nested
    class S3 {

        @Test
        void bucketAndObject() {
            assertThat(arns("s3", "DeleteBucket", Map.of("Bucket", "photos"))).containsExactly("arn:aws:s3:::photos");
            assertThat(arns("s3", "ListObjectsV2", Map.of("Bucket", "photos", "Prefix", "2024/")))
                    .containsExactly("arn:aws:s3:::photos");
            assertThat(arns("s3", "PutObject", Map.of("Bucket", "photos", "Key", "2024/cat.jpg")))
                    .containsExactly("arn:aws:s3:::photos/2024/cat.jpg");
        }

        @Test
        void deleteObjectsNamesEveryKey() {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                objects.add(Map.of("Key", "logs/" + i + ".gz"));
            }

            List<String> arns = arns("s3", "DeleteObjects", Map.of("Bucket", "logs-bucket",
                    "Delete", Map.of("Objects", objects, "Quiet", true)));

            assertThat(arns).hasSize(1500);
            assertThat(arns.get(0)).isEqualTo("arn:aws:s3:::logs-bucket/logs/0.gz");
            assertThat(arns.get(1499)).isEqualTo("arn:aws:s3:::logs-bucket/logs/1499.gz");
        }

        @Test
        void copyTouchesTargetAndSource() {
            assertThat(arns("s3", "CopyObject", Map.of("Bucket", "dst", "Key", "b.txt",
                    "CopySource", "src/dir%2Fa%20b.txt?versionId=3")))
                    .containsExactly("arn:aws:s3:::dst/b.txt", "arn:aws:s3:::src/dir/a b.txt");
            assertThat(arns("s3", "CopyObject", Map.of("Bucket", "dst", "Key", "b.txt",
                    "SourceBucket", "src", "SourceKey", "a.txt")))
                    .containsExactly("arn:aws:s3:::dst/b.txt", "arn:aws:s3:::src/a.txt");
        }

        @Test
        void accessPointArnsStandInForBuckets() {
            String ap = "arn:aws:s3:us-west-2:" + ACCOUNT + ":accesspoint/reports";

            assertThat(arns("s3", "GetObject", Map.of("Bucket", ap, "Key", "q1.csv")))
                    .containsExactly(ap + "/object/q1.csv");
        }

        @Test
        void partitionFollowsTheRegion() {
            assertThat(arns("s3", "DeleteBucket", Map.of("Bucket", "b"), "cn-north-1", null))
                    .containsExactly("arn:aws-cn:s3:::b");
            assertThat(arns("s3", "DeleteBucket", Map.of("Bucket", "b"), "us-gov-west-1", null))
                    .containsExactly("arn:aws-us-gov:s3:::b");
        }
    }

    @Nested
    class DynamoDb {

        @Test
        void tableByNameOrArn() {
            assertThat(arns("dynamodb", "DeleteTable", Map.of("TableName", "orders")))
                    .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
            String arn = "arn:aws:dynamodb:eu-west-1:210987654321:table/orders";
            assertThat(arns("dynamodb", "PutItem", Map.of("TableName", arn))).containsExactly(arn);
        }

        @Test
        void queryOnAnIndexNamesTheIndexToo() {
            assertThat(arns("dynamodb", "Query", Map.of("TableName", "orders", "IndexName", "byCustomer")))
                    .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/byCustomer");
        }

        @Test
        void partiQlNamesItsTable() {
            assertThat(arns("dynamodb", "ExecuteStatement", Map.of("Statement", "DELETE FROM \"orders\" WHERE pk = ?")))
                    .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
            assertThat(arns("dynamodb", "BatchExecuteStatement", Map.of("Statements", List.of(
                    Map.of("Statement", "UPDATE orders SET a = 1"), Map.of("Statement", "INSERT INTO audit VALUE {}")))))
                    .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                            "arn:aws:dynamodb:us-east-1:123456789012:table/audit");
        }

        @Test
        void batchesNameEveryTable() {
            assertThat(arns("dynamodb", "BatchWriteItem", Map.of("RequestItems", Map.of(
                    "orders", List.of(Map.of("DeleteRequest", Map.of())),
                    "customers", List.of(Map.of("PutRequest", Map.of()))))))
                    .containsExactlyInAnyOrder("arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                            "arn:aws:dynamodb:us-east-1:123456789012:table/customers");
            assertThat(arns("dynamodb", "TransactWriteItems", Map.of("TransactItems", List.of(
                    Map.of("Put", Map.of("TableName", "orders")),
                    Map.of("Delete", Map.of("TableName", "audit")),
                    Map.of("Update", Map.of("TableName", "orders"))))))
                    .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                            "arn:aws:dynamodb:us-east-1:123456789012:table/audit");
        }
    }

    @Test
    void cloudFormationStackByNameOrArn() {
        assertThat(arns("cloudformation", "DeleteStack", Map.of("StackName", "web")))
                .containsExactly("arn:aws:cloudformation:us-east-1:123456789012:stack/web/*");
        String arn = "arn:aws:cloudformation:us-east-1:123456789012:stack/web/0a1b2c3d";
        assertThat(arns("cloudformation", "UpdateStack", Map.of("StackName", arn))).containsExactly(arn);
    }

    @Test
    void ec2IdsAndIdLists() {
        assertThat(arns("ec2", "TerminateInstances", Map.of("InstanceIds", List.of("i-1", "i-2"))))
                .containsExactly("arn:aws:ec2:us-east-1:123456789012:instance/i-1",
                        "arn:aws:ec2:us-east-1:123456789012:instance/i-2");
        assertThat(arns("ec2", "DeleteVolume", Map.of("VolumeId", "vol-1")))
                .containsExactly("arn:aws:ec2:us-east-1:123456789012:volume/vol-1");
        assertThat(arns("ec2", "DeleteSnapshot", Map.of("SnapshotId", "snap-1")))
                .containsExactly("arn:aws:ec2:us-east-1::snapshot/snap-1");
        assertThat(arns("ec2", "DeleteVpc", Map.of("VpcId", "vpc-1")))
                .containsExactly("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1");
        assertThat(arns("ec2", "DeleteSubnet", Map.of("SubnetId", "subnet-1")))
                .containsExactly("arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1");
        assertThat(arns("ec2", "DeleteSecurityGroup", Map.of("GroupId", "sg-1")))
                .containsExactly("arn:aws:ec2:us-east-1:123456789012:security-group/sg-1");
        assertThat(arns("ec2", "DeregisterImage", Map.of("ImageId", "ami-1")))
                .containsExactly("arn:aws:ec2:us-east-1::image/ami-1");
    }

    @Test
    void iamNamesAndPolicyArns() {
        assertThat(arns("iam", "AttachRolePolicy", Map.of("RoleName", "deployer",
                "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"), null, ACCOUNT))
                .containsExactly("arn:aws:iam::123456789012:role/deployer", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(arns("iam", "DeleteUser", Map.of("UserName", "bob"), null, ACCOUNT))
                .containsExactly("arn:aws:iam::123456789012:user/bob");
        assertThat(arns("iam", "DeleteGroup", Map.of("GroupName", "ops"), null, ACCOUNT))
                .containsExactly("arn:aws:iam::123456789012:group/ops");
        assertThat(arns("iam", "DeleteInstanceProfile", Map.of("InstanceProfileName", "web"), null, ACCOUNT))
                .containsExactly("arn:aws:iam::123456789012:instance-profile/web");
    }

    @Test
    void rdsIdentifiers() {
        assertThat(arns("rds", "DeleteDBInstance", Map.of("DBInstanceIdentifier", "prod")))
                .containsExactly("arn:aws:rds:us-east-1:123456789012:db:prod");
        assertThat(arns("rds", "DeleteDBCluster", Map.of("DBClusterIdentifier", "aurora")))
                .containsExactly("arn:aws:rds:us-east-1:123456789012:cluster:aurora");
        assertThat(arns("rds", "DeleteDBSnapshot", Map.of("DBSnapshotIdentifier", "nightly")))
                .containsExactly("arn:aws:rds:us-east-1:123456789012:snapshot:nightly");
        assertThat(arns("rds", "DeleteDBClusterSnapshot", Map.of("DBClusterSnapshotIdentifier", "weekly")))
                .containsExactly("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:weekly");
    }

    @Test
    void lambdaFunctionNamesInEveryForm() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:resize";
        assertThat(arns("lambda", "DeleteFunction", Map.of("FunctionName", "resize"))).containsExactly(arn);
        assertThat(arns("lambda", "DeleteFunction", Map.of("FunctionName", "123456789012:function:resize"), "us-east-1",
                null)).containsExactly(arn);
        assertThat(arns("lambda", "DeleteFunction", Map.of("FunctionName", arn))).containsExactly(arn);
        assertThat(arns("lambda", "Invoke", Map.of("FunctionName", "resize", "Qualifier", "live")))
                .containsExactly(arn + ":live");
        assertThat(arns("lambda", "Invoke", Map.of("FunctionName", "resize:live"))).containsExactly(arn + ":live");
    }

    @Test
    void sqsQueueUrlsGiveRegionAndAccount() {
        assertThat(arns("sqs", "PurgeQueue", Map.of("QueueUrl", "http://localhost:9324/000000000000/demo-queue"),
                "eu-west-1", null)).containsExactly("arn:aws:sqs:eu-west-1:000000000000:demo-queue");
        assertThat(arns("sqs", "DeleteQueue", Map.of("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/q"),
                null, null)).containsExactly("arn:aws:sqs:us-east-1:123456789012:q");
        assertThat(arns("sqs", "CreateQueue", Map.of("QueueName", "jobs"))).containsExactly(
                "arn:aws:sqs:us-east-1:123456789012:jobs");
    }

    @Test
    void snsTopicArnOrName() {
        String topic = "arn:aws:sns:us-east-1:123456789012:alerts";
        assertThat(arns("sns", "DeleteTopic", Map.of("TopicArn", topic))).containsExactly(topic);
        assertThat(arns("sns", "CreateTopic", Map.of("Name", "alerts"))).containsExactly(topic);
    }

    @Test
    void kmsKeyIdsArnsAndAliases() {
        assertThat(arns("kms", "ScheduleKeyDeletion", Map.of("KeyId", "1234abcd-12ab-34cd-56ef-1234567890ab")))
                .containsExactly("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(arns("kms", "DisableKey", Map.of("KeyId", "alias/payments")))
                .containsExactly("arn:aws:kms:us-east-1:123456789012:alias/payments");
        String arn = "arn:aws:kms:eu-west-1:123456789012:key/k";
        assertThat(arns("kms", "DisableKey", Map.of("KeyId", arn))).containsExactly(arn);
    }

    @Test
    void apiGatewayPathsAreTheMostSpecificTheRequestNames() {
        assertThat(arns("apigateway", "DeleteStage", Map.of("restApiId", "a1", "stageName", "prod")))
                .containsExactly("arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod");
        assertThat(arns("apigateway", "DeleteRestApi", Map.of("restApiId", "a1")))
                .containsExactly("arn:aws:apigateway:us-east-1::/restapis/a1");
        assertThat(arns("apigateway", "DeleteApi", Map.of("apiId", "h1")))
                .containsExactly("arn:aws:apigateway:us-east-1::/apis/h1");
        assertThat(arns("apigateway", "DeleteMethod", Map.of("restApiId", "a1", "resourceId", "r1", "httpMethod", "GET")))
                .containsExactly("arn:aws:apigateway:us-east-1::/restapis/a1/resources/r1/methods/GET");
    }

    @Test
    void unknownRegionAndAccountBecomeWildcards() {
        assertThat(arns("dynamodb", "DeleteTable", Map.of("TableName", "t"), null, null))
                .containsExactly("arn:aws:dynamodb:*:*:table/t");
    }

    @Test
    void anyMemberEndingInArnCounts() {
        assertThat(arns("states", "StopExecution", Map.of("executionArn",
                "arn:aws:states:us-east-1:123456789012:execution:flow:run-1")))
                .containsExactly("arn:aws:states:us-east-1:123456789012:execution:flow:run-1");
        assertThat(arns("madeup", "DeleteWidget", Map.of("WidgetArn", "arn:aws:madeup:::widget/1",
                "TargetARNs", List.of("arn:aws:madeup:::widget/2"), "Name", "not-an-arn")))
                .containsExactlyInAnyOrder("arn:aws:madeup:::widget/1", "arn:aws:madeup:::widget/2");
    }

    @Test
    void nothingToGoOnGivesTheWildcard() {
        assertThat(arns("s3", "ListBuckets", Map.of())).containsExactly("*");
        assertThat(arns("madeup", "DeleteWidget", Map.of("Name", "w"))).containsExactly("*");
        assertThat(arns("dynamodb", "DeleteTable", null)).containsExactly("*");
    }
}

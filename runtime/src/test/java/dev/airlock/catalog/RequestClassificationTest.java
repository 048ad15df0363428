package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A WRITE call raised to DESTRUCTIVE by what its parameters do; the same call left WRITE when they do not. */
class RequestClassificationTest {

    private final ActionCatalog catalog = ActionCatalog.builtIn();

    static Stream<Arguments> raised() {
        return Stream.of(
                call("s3", "PutBucketVersioning", Map.of("Bucket", "b", "VersioningConfiguration",
                        Map.of("Status", "Suspended"))),
                call("s3", "PutBucketVersioning", Map.of("VersioningConfiguration",
                        Map.of("Status", "Enabled", "MFADelete", "Disabled"))),
                call("s3", "PutBucketLifecycleConfiguration", Map.of("LifecycleConfiguration", Map.of("Rules",
                        List.of(Map.of("ID", "expire", "Status", "Enabled", "Expiration", Map.of("Days", 30)))))),
                call("s3", "PutBucketLifecycleConfiguration", Map.of("LifecycleConfiguration", Map.of("Rules",
                        List.of(Map.of("Status", "Enabled", "NoncurrentVersionExpiration",
                                Map.of("NoncurrentDays", 1)))))),
                call("s3", "PutPublicAccessBlock", Map.of("PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", false,
                        "RestrictPublicBuckets", true))),
                call("s3", "PutBucketLogging", Map.of("Bucket", "b", "BucketLoggingStatus", Map.of())),
                call("s3", "PutObject", Map.of("Bucket", "b", "Key", "k", "ACL", "public-read")),
                call("s3", "PutObjectRetention", Map.of("Bucket", "b", "Key", "k", "BypassGovernanceRetention", true)),
                call("ec2", "ModifyInstanceAttribute", Map.of("InstanceId", "i-1", "DisableApiTermination",
                        Map.of("Value", false))),
                call("ec2", "ModifyInstanceAttribute", Map.of("InstanceId", "i-1", "Attribute",
                        "disableApiTermination", "Value", "false")),
                call("ec2", "ModifyInstanceMetadataOptions", Map.of("InstanceId", "i-1", "HttpTokens", "optional")),
                call("ec2", "CancelSpotFleetRequests", Map.of("SpotFleetRequestIds", List.of("sfr-1"),
                        "TerminateInstances", true)),
                call("rds", "ModifyDBInstance", Map.of("DBInstanceIdentifier", "db", "DeletionProtection", false)),
                call("rds", "ModifyDBInstance", Map.of("DBInstanceIdentifier", "db", "BackupRetentionPeriod", 0)),
                call("rds", "ModifyDBCluster", Map.of("DBClusterIdentifier", "c", "DeletionProtection", false)),
                call("dynamodb", "UpdateTable", Map.of("TableName", "t", "DeletionProtectionEnabled", false)),
                call("dynamodb", "UpdateContinuousBackups", Map.of("TableName", "t",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", false))),
                call("dynamodb", "UpdateTimeToLive", Map.of("TableName", "t", "TimeToLiveSpecification",
                        Map.of("Enabled", true, "AttributeName", "expires"))),
                call("dynamodb", "TransactWriteItems", Map.of("TransactItems", List.of(
                        Map.of("Put", Map.of("TableName", "t")),
                        Map.of("Delete", Map.of("TableName", "t", "Key", Map.of("pk", Map.of("S", "1"))))))),
                call("dynamodb", "BatchWriteItem", Map.of("RequestItems", Map.of("t", List.of(
                        Map.of("PutRequest", Map.of("Item", Map.of())),
                        Map.of("DeleteRequest", Map.of("Key", Map.of())))))),
                call("dynamodb", "ExecuteStatement", Map.of("Statement", "  delete FROM \"t\" WHERE pk = ?")),
                call("cloudformation", "UpdateTerminationProtection", Map.of("StackName", "s",
                        "EnableTerminationProtection", false)),
                call("autoscaling", "UpdateAutoScalingGroup", Map.of("AutoScalingGroupName", "g",
                        "MinSize", 0, "MaxSize", 0, "DesiredCapacity", 0)),
                call("autoscaling", "SetDesiredCapacity", Map.of("AutoScalingGroupName", "g", "DesiredCapacity", 0)),
                call("ecs", "UpdateService", Map.of("cluster", "c", "service", "s", "desiredCount", 0)),
                call("eks", "UpdateNodegroupConfig", Map.of("clusterName", "c", "nodegroupName", "n",
                        "scalingConfig", Map.of("minSize", 0, "maxSize", 2, "desiredSize", 0))),
                call("lambda", "PutFunctionConcurrency", Map.of("FunctionName", "f",
                        "ReservedConcurrentExecutions", 0)),
                call("lambda", "CreateFunctionUrlConfig", Map.of("FunctionName", "f", "AuthType", "NONE")),
                call("ssm", "PutParameter", Map.of("Name", "/p", "Value", "v", "Overwrite", true)),
                call("sqs", "SetQueueAttributes", Map.of("QueueUrl", "https://sqs.us-east-1.amazonaws.com/1/q",
                        "Attributes", Map.of("Policy", "{}"))),
                call("sns", "SetTopicAttributes", Map.of("TopicArn", "arn:aws:sns:us-east-1:1:t",
                        "AttributeName", "Policy", "AttributeValue", "{}")),
                call("elasticloadbalancing", "ModifyLoadBalancerAttributes", Map.of("LoadBalancerArn", "arn:x",
                        "Attributes", List.of(Map.of("Key", "deletion_protection.enabled", "Value", "false")))),
                call("route53", "ChangeResourceRecordSets", Map.of("HostedZoneId", "Z1", "ChangeBatch",
                        Map.of("Changes", List.of(Map.of("Action", "DELETE"))))),
                call("events", "PutRule", Map.of("Name", "r", "State", "DISABLED")),
                call("cloudtrail", "UpdateTrail", Map.of("Name", "t", "EnableLogFileValidation", false)),
                call("athena", "StartQueryExecution", Map.of("QueryString", "-- tidy up\nDROP TABLE logs")),
                call("elasticache", "ModifyReplicationGroup", Map.of("ReplicationGroupId", "r",
                        "SnapshotRetentionLimit", 0)),
                call("ecr", "PutImageTagMutability", Map.of("repositoryName", "r", "imageTagMutability", "MUTABLE")),
                call("backup", "UpdateBackupPlan", Map.of("BackupPlanId", "p", "BackupPlan", Map.of("Rules",
                        List.of(Map.of("RuleName", "daily", "Lifecycle", Map.of("DeleteAfterDays", 1)))))));
    }

    static Stream<Arguments> notRaised() {
        return Stream.of(
                call("s3", "PutBucketVersioning", Map.of("VersioningConfiguration", Map.of("Status", "Enabled"))),
                call("s3", "PutBucketLifecycleConfiguration", Map.of("LifecycleConfiguration", Map.of("Rules",
                        List.of(Map.of("Status", "Enabled", "Transitions", List.of(Map.of("Days", 30))),
                                Map.of("Status", "Disabled", "Expiration", Map.of("Days", 1)))))),
                call("s3", "PutPublicAccessBlock", Map.of("PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", true,
                        "RestrictPublicBuckets", true))),
                call("s3", "PutBucketLogging", Map.of("BucketLoggingStatus", Map.of("LoggingEnabled",
                        Map.of("TargetBucket", "logs")))),
                call("s3", "PutObject", Map.of("Bucket", "b", "Key", "k")),
                call("ec2", "ModifyInstanceAttribute", Map.of("InstanceId", "i-1", "DisableApiTermination",
                        Map.of("Value", true))),
                call("ec2", "RunInstances", Map.of("ImageId", "ami-1", "MinCount", 1, "MaxCount", 1)),
                call("rds", "ModifyDBInstance", Map.of("DBInstanceIdentifier", "db", "DeletionProtection", true,
                        "BackupRetentionPeriod", 7)),
                call("dynamodb", "UpdateTable", Map.of("TableName", "t", "DeletionProtectionEnabled", true)),
                call("dynamodb", "PutItem", Map.of("TableName", "t", "Item", Map.of())),
                call("dynamodb", "TransactWriteItems", Map.of("TransactItems", List.of(
                        Map.of("Put", Map.of("TableName", "t")), Map.of("Update", Map.of("TableName", "t"))))),
                call("dynamodb", "BatchWriteItem", Map.of("RequestItems", Map.of("t", List.of(
                        Map.of("PutRequest", Map.of("Item", Map.of())))))),
                call("dynamodb", "ExecuteStatement", Map.of("Statement", "UPDATE t SET deleted = true WHERE pk = ?")),
                call("cloudformation", "UpdateTerminationProtection", Map.of("StackName", "s",
                        "EnableTerminationProtection", true)),
                call("autoscaling", "UpdateAutoScalingGroup", Map.of("AutoScalingGroupName", "g", "MinSize", 0,
                        "DesiredCapacity", 2)),
                call("ecs", "UpdateService", Map.of("cluster", "c", "service", "s", "desiredCount", 3)),
                call("lambda", "PutFunctionConcurrency", Map.of("FunctionName", "f",
                        "ReservedConcurrentExecutions", 10)),
                call("ssm", "PutParameter", Map.of("Name", "/p", "Value", "v")),
                call("sqs", "SetQueueAttributes", Map.of("Attributes", Map.of("VisibilityTimeout", "60"))),
                call("sqs", "SendMessage", Map.of("QueueUrl", "q", "MessageBody", "hello")),
                call("route53", "ChangeResourceRecordSets", Map.of("ChangeBatch",
                        Map.of("Changes", List.of(Map.of("Action", "CREATE"))))),
                call("athena", "StartQueryExecution", Map.of("QueryString", "SELECT * FROM logs")));
    }

    @ParameterizedTest(name = "{0}:{1} {2}")
    @MethodSource("raised")
    void parametersThatDestroyRaiseAWrite(String service, String operation, Map<String, Object> request) {
        Operation op = catalog.operation(service, operation);

        assertThat(op.classification()).isEqualTo(Classification.WRITE);
        assertThat(catalog.classify(op, request)).isEqualTo(Classification.DESTRUCTIVE);
    }

    @ParameterizedTest(name = "{0}:{1} {2}")
    @MethodSource("notRaised")
    void harmlessParametersLeaveAWrite(String service, String operation, Map<String, Object> request) {
        Operation op = catalog.operation(service, operation);

        assertThat(catalog.classify(op, request)).isEqualTo(Classification.WRITE);
    }

    @Test
    void aReadIsNeverRaisedWhateverItsRequestSays() {
        Map<String, Object> alarming = Map.of("DeletionProtection", false, "DesiredCapacity", 0, "Overwrite", true,
                "Statement", "DROP TABLE t", "VersioningConfiguration", Map.of("Status", "Suspended"));
        for (String[] read : new String[][] {{"s3", "GetObject"}, {"s3", "GetBucketVersioning"},
            {"dynamodb", "Query"}, {"rds", "DescribeDBInstances"}, {"ssm", "GetParameter"},
            {"dynamodb", "TransactGetItems"}}) {
            Operation op = catalog.operation(read[0], read[1]);

            assertThat(op.classification()).as("%s:%s", read[0], read[1]).isEqualTo(Classification.READ);
            assertThat(catalog.classify(op, alarming)).as("%s:%s", read[0], read[1]).isEqualTo(Classification.READ);
        }
    }

    @Test
    void aDestructiveCallStaysDestructiveWithAHarmlessRequest() {
        Operation op = catalog.operation("s3", "DeleteBucket");

        assertThat(catalog.classify(op, Map.of("Bucket", "b"))).isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void badlyShapedRequestsNeverThrow() {
        Map<String, Object> odd = new HashMap<>();
        odd.put("VersioningConfiguration", "Suspended");
        odd.put("LifecycleConfiguration", List.of("x"));
        odd.put("TransactItems", "Delete");
        odd.put("RequestItems", Map.of("t", "DeleteRequest"));
        odd.put("DesiredCapacity", "zero");
        odd.put("desiredCount", List.of(0));
        odd.put("Statement", 42);
        odd.put("Attributes", null);
        List<String> failures = new ArrayList<>();
        for (String[] write : new String[][] {{"s3", "PutBucketVersioning"}, {"s3", "PutBucketLifecycleConfiguration"},
            {"dynamodb", "TransactWriteItems"}, {"dynamodb", "BatchWriteItem"}, {"dynamodb", "ExecuteStatement"},
            {"autoscaling", "SetDesiredCapacity"}, {"ecs", "UpdateService"}, {"sqs", "SetQueueAttributes"}}) {
            try {
                catalog.classify(catalog.operation(write[0], write[1]), odd);
            } catch (RuntimeException e) {
                failures.add(write[0] + ":" + write[1] + " threw " + e);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(catalog.classify(catalog.operation("s3", "PutBucketVersioning"), null))
                .isEqualTo(Classification.WRITE);
    }

    private static Arguments call(String service, String operation, Map<String, Object> request) {
        return Arguments.of(service, operation, request);
    }
}

package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.airlock.call.Classification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SDK operations to IAM actions, service prefixes from SDK names, and operations the catalog does not know. */
class OperationMappingTest {

    private final ActionCatalog catalog = ActionCatalog.builtIn();

    @ParameterizedTest(name = "{0}:{1} → {2} ({3})")
    @CsvSource({
        "s3, ListObjectsV2, s3:ListBucket, READ",
        "s3, ListObjects, s3:ListBucket, READ",
        "s3, HeadObject, s3:GetObject, READ",
        "s3, HeadBucket, s3:ListBucket, READ",
        "s3, ListObjectVersions, s3:ListBucketVersions, READ",
        "s3, ListBuckets, s3:ListAllMyBuckets, READ",
        "s3, GetObject, s3:GetObject, READ",
        "s3, PutObject, s3:PutObject, WRITE",
        "s3, DeleteObjects, s3:DeleteObject, DESTRUCTIVE",
        "s3, CreateMultipartUpload, s3:PutObject, WRITE",
        "s3, UploadPart, s3:PutObject, WRITE",
        "s3, CompleteMultipartUpload, s3:PutObject, WRITE",
        "s3, AbortMultipartUpload, s3:AbortMultipartUpload, WRITE",
        "s3, ListParts, s3:ListMultipartUploadParts, READ",
        "s3, ListMultipartUploads, s3:ListBucketMultipartUploads, READ",
        "s3, PutBucketLifecycleConfiguration, s3:PutLifecycleConfiguration, WRITE",
        "s3, GetBucketLifecycleConfiguration, s3:GetLifecycleConfiguration, READ",
        "s3, DeleteBucketLifecycle, s3:PutLifecycleConfiguration, WRITE",
        "s3, PutBucketEncryption, s3:PutEncryptionConfiguration, WRITE",
        "s3, DeleteBucketEncryption, s3:PutEncryptionConfiguration, DESTRUCTIVE",
        "s3, DeleteBucketReplication, s3:PutReplicationConfiguration, DESTRUCTIVE",
        "s3, GetBucketCors, s3:GetBucketCORS, READ",
        "s3, DeleteBucketTagging, s3:PutBucketTagging, WRITE",
        "s3, PutPublicAccessBlock, s3:PutBucketPublicAccessBlock, WRITE",
        "s3, DeletePublicAccessBlock, s3:PutBucketPublicAccessBlock, DESTRUCTIVE",
        "s3, PutBucketNotificationConfiguration, s3:PutBucketNotification, WRITE",
        "s3, GetObjectLockConfiguration, s3:GetBucketObjectLockConfiguration, READ",
        "s3, DeleteBucketPolicy, s3:DeleteBucketPolicy, DESTRUCTIVE",
        "lambda, Invoke, lambda:InvokeFunction, WRITE",
        "lambda, InvokeWithResponseStream, lambda:InvokeFunction, WRITE",
        "dynamodb, TransactGetItems, dynamodb:GetItem, READ",
        "dynamodb, TransactWriteItems, dynamodb:PutItem, WRITE",
        "dynamodb, ExecuteStatement, dynamodb:PartiQLSelect, WRITE",
        "dynamodb, BatchWriteItem, dynamodb:BatchWriteItem, WRITE",
        "dynamodb, DeleteItem, dynamodb:DeleteItem, DESTRUCTIVE",
        "sqs, DeleteMessageBatch, sqs:DeleteMessage, WRITE",
        "sqs, SendMessageBatch, sqs:SendMessage, WRITE",
        "sns, PublishBatch, sns:Publish, WRITE",
        "kms, ReEncrypt, kms:ReEncryptFrom, READ",
        "apigateway, GetRestApis, apigateway:GET, READ",
        "apigateway, CreateDeployment, apigateway:POST, WRITE",
        "apigateway, UpdateStage, apigateway:PATCH, WRITE",
        "apigateway, DeleteRestApi, apigateway:DELETE, DESTRUCTIVE",
        "apigateway, UntagResource, apigateway:DELETE, WRITE",
        "ec2, TerminateInstances, ec2:TerminateInstances, DESTRUCTIVE",
        "cloudformation, UpdateStack, cloudformation:UpdateStack, DESTRUCTIVE",
    })
    void sdkOperationsMapToTheirIamActions(String service, String operation, String action, Classification expected) {
        Operation op = catalog.operation(service, operation);

        assertThat(op.action()).isEqualTo(action);
        assertThat(op.classification()).isEqualTo(expected);
        assertThat(op.known()).isTrue();
        assertThat(op.servicePrefix()).isEqualTo(service);
        assertThat(op.name()).isEqualTo(operation);
    }

    @Test
    void aCopyNeedsToWriteTheTargetAndReadTheSource() {
        Operation copy = catalog.operation("s3", "CopyObject");

        assertThat(copy.actions()).containsExactly("s3:PutObject", "s3:GetObject");
        assertThat(copy.classification()).isEqualTo(Classification.WRITE);
    }

    @Test
    void aTransactionNeedsEveryItemAction() {
        assertThat(catalog.operation("dynamodb", "TransactWriteItems").actions()).containsExactly(
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
    }

    @Test
    void operationsMatchIamActionsWhateverTheirCase() {
        assertThat(catalog.operation("s3", "putobject").action()).isEqualTo("s3:PutObject");
        assertThat(catalog.action("S3:DELETEBUCKET").name()).isEqualTo("DeleteBucket");
        assertThat(catalog.action("nosuchservice:DeleteThing")).isNull();
        assertThat(catalog.action("s3:NoSuchAction")).isNull();
        assertThat(catalog.action("no-colon")).isNull();
        assertThat(catalog.action(null)).isNull();
    }

    @ParameterizedTest(name = "unknown {0}:{1} is {2}")
    @CsvSource({
        "madeup, GetWidget, READ", "madeup, ListWidgets, READ", "madeup, DescribeWidget, READ",
        "madeup, HeadWidget, READ", "madeup, QueryWidgets, READ", "madeup, ScanWidgets, READ",
        "madeup, SearchWidgets, READ", "madeup, BatchGetWidgets, READ",
        "madeup, DeleteWidget, DESTRUCTIVE", "madeup, TerminateWidget, DESTRUCTIVE",
        "madeup, RemoveWidget, DESTRUCTIVE", "madeup, PurgeWidgets, DESTRUCTIVE",
        "madeup, DestroyWidget, DESTRUCTIVE", "madeup, DeregisterWidget, DESTRUCTIVE",
        "madeup, DisableWidget, DESTRUCTIVE", "madeup, RevokeWidgetAccess, DESTRUCTIVE",
        "madeup, BatchDeleteWidgets, DESTRUCTIVE", "madeup, PutWidgetResourcePolicy, DESTRUCTIVE",
        "madeup, CreateWidget, WRITE", "madeup, UpdateWidget, WRITE", "madeup, StartWidget, WRITE",
        "s3, FrobnicateBucket, WRITE", "s3, GetSomethingNew, READ", "s3, DeleteSomethingNew, DESTRUCTIVE",
    })
    void unknownOperationsAreClassifiedFromTheirVerb(String service, String operation, Classification expected) {
        Operation op = catalog.operation(service, operation);

        assertThat(op.known()).isFalse();
        assertThat(op.classification()).isEqualTo(expected);
        assertThat(op.actions()).containsExactly(service + ":" + operation);
    }

    @Test
    void nothingNullOrEmptyThrows() {
        assertThatCode(() -> {
            catalog.operation(null, null);
            catalog.operation("s3", "");
            catalog.operation("", "GetObject");
            catalog.servicePrefix(null, null);
            catalog.servicePrefix("", "");
            Operation op = catalog.operation("madeup", "DeleteWidget");
            catalog.classify(op, null);
            catalog.resources(op, null, null, null);
        }).doesNotThrowAnyException();
        assertThat(catalog.operation("s3", "").classification()).isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void anOperationBuiltElsewhereIsClassifiedAndResolvedToo() {
        Operation own = new Operation("s3", "PutBucketVersioning", List.of("s3:PutBucketVersioning"),
                Classification.WRITE, true);

        assertThat(catalog.classify(own, Map.of("Bucket", "b", "VersioningConfiguration",
                Map.of("Status", "Suspended")))).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.resources(own, Map.of("Bucket", "b"), "us-east-1", null))
                .containsExactly("arn:aws:s3:::b");
    }

    @ParameterizedTest(name = "({0}, {1}) → {2}")
    @CsvSource(nullValues = "null", value = {
        "S3, s3, s3", "DynamoDb, dynamodb, dynamodb", "CloudWatch, monitoring, cloudwatch",
        "CloudWatchLogs, logs, logs", "Sfn, states, states", "ElasticLoadBalancingV2, elasticloadbalancing, elasticloadbalancing",
        "EventBridge, events, events", "Lambda, lambda, lambda", "Sqs, sqs, sqs", "Iam, iam, iam", "Sts, sts, sts",
        "SecretsManager, secretsmanager, secretsmanager", "ApiGatewayV2, apigateway, apigateway",
        "S3, null, s3", "DynamoDb, null, dynamodb", "CloudWatch, null, cloudwatch", "CloudWatchLogs, null, logs",
        "Sfn, null, states", "ElasticLoadBalancingV2, null, elasticloadbalancing", "EventBridge, null, events",
        "AutoScaling, null, autoscaling", "ElastiCache, null, elasticache", "AccessAnalyzer, null, access-analyzer",
        "AcmPca, null, acm-pca", "ApplicationAutoScaling, null, application-autoscaling", "Efs, null, elasticfilesystem",
        "DynamoDbStreams, dynamodb, dynamodb", "SesV2, ses, ses", "BrandNewService, null, brandnewservice",
        "BrandNewService, brand-new, brand-new",
    })
    void servicePrefixesComeFromSigningNameOrServiceName(String sdkService, String signingName, String prefix) {
        assertThat(catalog.servicePrefix(sdkService, signingName)).isEqualTo(prefix);
    }
}

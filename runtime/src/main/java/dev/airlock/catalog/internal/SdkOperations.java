package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SDK operations whose IAM actions are not {@code prefix:OperationName}. Every other operation maps to the
 * action of its own name when the catalog has it.
 */
final class SdkOperations {

    /**
     * The IAM actions of one operation, the first being the main one, and its classification when the actions'
     * own would be wrong for the operation (DeleteBucketEncryption is authorised by s3:PutEncryptionConfiguration
     * but removes a safeguard); null to take the most dangerous of the actions.
     */
    record Mapping(List<String> actions, Classification classification) {
    }

    private static final Map<String, Mapping> TABLE = new HashMap<>(256);

    static {
        s3();
        dynamodb();
        map("lambda", "Invoke", "lambda:InvokeFunction");
        map("lambda", "InvokeWithResponseStream", "lambda:InvokeFunction");
        map("lambda", "GetLayerVersionByArn", "lambda:GetLayerVersion");
        map("sqs", "SendMessageBatch", "sqs:SendMessage");
        map("sqs", "DeleteMessageBatch", "sqs:DeleteMessage");
        map("sqs", "ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");
        map("sns", "PublishBatch", "sns:Publish");
        map("kms", "ReEncrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");
        map("secretsmanager", "BatchGetSecretValue", "secretsmanager:BatchGetSecretValue",
                "secretsmanager:GetSecretValue");
    }

    private SdkOperations() {
    }

    /** The mapping of an operation, or null when the operation maps to the action of its own name. */
    static Mapping lookup(String prefix, String operation) {
        Mapping mapping = TABLE.get(BuiltInCatalog.actionName(prefix, operation));
        if (mapping == null && prefix.equals("apigateway")) {
            return apiGateway(operation);
        }
        return mapping;
    }

    private static void s3() {
        map("s3", "ListObjects", "s3:ListBucket");
        map("s3", "ListObjectsV2", "s3:ListBucket");
        map("s3", "HeadBucket", "s3:ListBucket");
        map("s3", "ListObjectVersions", "s3:ListBucketVersions");
        map("s3", "ListBuckets", "s3:ListAllMyBuckets");
        map("s3", "ListMultipartUploads", "s3:ListBucketMultipartUploads");
        map("s3", "ListParts", "s3:ListMultipartUploadParts");
        map("s3", "HeadObject", "s3:GetObject");
        map("s3", "SelectObjectContent", "s3:GetObject");
        map("s3", "DeleteObjects", "s3:DeleteObject");
        map("s3", "CopyObject", "s3:PutObject", "s3:GetObject");
        map("s3", "UploadPartCopy", "s3:PutObject", "s3:GetObject");
        map("s3", "CreateMultipartUpload", "s3:PutObject");
        map("s3", "UploadPart", "s3:PutObject");
        map("s3", "CompleteMultipartUpload", "s3:PutObject");
        map("s3", "WriteGetObjectResponse", "s3-object-lambda:WriteGetObjectResponse");
        map("s3", "CreateSession", "s3express:CreateSession");
        map("s3", "ListDirectoryBuckets", "s3express:ListAllMyDirectoryBuckets");
        bucketConfiguration("Lifecycle", "LifecycleConfiguration", Classification.WRITE);
        bucketConfiguration("LifecycleConfiguration", "LifecycleConfiguration", Classification.WRITE);
        bucketConfiguration("Encryption", "EncryptionConfiguration", Classification.DESTRUCTIVE);
        bucketConfiguration("Replication", "ReplicationConfiguration", Classification.DESTRUCTIVE);
        bucketConfiguration("Cors", "BucketCORS", Classification.WRITE);
        bucketConfiguration("Tagging", "BucketTagging", Classification.WRITE);
        bucketConfiguration("OwnershipControls", "BucketOwnershipControls", Classification.DESTRUCTIVE);
        bucketConfiguration("AnalyticsConfiguration", "AnalyticsConfiguration", Classification.WRITE);
        bucketConfiguration("MetricsConfiguration", "MetricsConfiguration", Classification.WRITE);
        bucketConfiguration("InventoryConfiguration", "InventoryConfiguration", Classification.WRITE);
        bucketConfiguration("IntelligentTieringConfiguration", "IntelligentTieringConfiguration",
                Classification.WRITE);
        map("s3", "ListBucketAnalyticsConfigurations", "s3:GetAnalyticsConfiguration");
        map("s3", "ListBucketMetricsConfigurations", "s3:GetMetricsConfiguration");
        map("s3", "ListBucketInventoryConfigurations", "s3:GetInventoryConfiguration");
        map("s3", "ListBucketIntelligentTieringConfigurations", "s3:GetIntelligentTieringConfiguration");
        map("s3", "GetBucketAccelerateConfiguration", "s3:GetAccelerateConfiguration");
        map("s3", "PutBucketAccelerateConfiguration", "s3:PutAccelerateConfiguration");
        map("s3", "GetBucketNotificationConfiguration", "s3:GetBucketNotification");
        map("s3", "PutBucketNotificationConfiguration", "s3:PutBucketNotification");
        map("s3", "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration");
        map("s3", "PutObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration");
        map("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock");
        map("s3", "PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock");
        mapAs("s3", "DeletePublicAccessBlock", Classification.DESTRUCTIVE, "s3:PutBucketPublicAccessBlock");
        // S3 Control, which signs as s3 too.
        map("s3", "GetPublicAccessBlockForAccount", "s3:GetAccountPublicAccessBlock");
        mapAs("s3", "DeletePublicAccessBlockForAccount", Classification.DESTRUCTIVE, "s3:PutAccountPublicAccessBlock");
    }

    /** Get/Put/DeleteBucketXxx authorised by s3:Get/PutYyy; the Delete takes the given classification. */
    private static void bucketConfiguration(String sdkName, String iamName, Classification deleting) {
        map("s3", "GetBucket".concat(sdkName), "s3:Get".concat(iamName));
        map("s3", "PutBucket".concat(sdkName), "s3:Put".concat(iamName));
        mapAs("s3", "DeleteBucket".concat(sdkName), deleting, "s3:Put".concat(iamName));
    }

    private static void dynamodb() {
        // The request rules raise these when they delete; statically they are writes and reads.
        mapAs("dynamodb", "TransactWriteItems", Classification.WRITE, "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
        map("dynamodb", "TransactGetItems", "dynamodb:GetItem");
        for (String statement : List.of("ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction")) {
            mapAs("dynamodb", statement, Classification.WRITE, "dynamodb:PartiQLSelect", "dynamodb:PartiQLInsert",
                    "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
        }
    }

    /**
     * API Gateway authorises its management API by HTTP method on the resource path: GetRestApis is
     * apigateway:GET, DeleteStage apigateway:DELETE. The operation keeps the classification of its own verb.
     */
    private static Mapping apiGateway(String operation) {
        String verb = ActionRules.verb(operation);
        String method = switch (verb) {
            case "get" -> "GET";
            case "create", "test", "generate", "import" -> "POST";
            case "update" -> "PATCH";
            case "put", "tag" -> "PUT";
            case "delete", "flush", "untag" -> "DELETE";
            default -> null;
        };
        if (method == null) {
            return null;
        }
        Classification classification = verb.equals("tag") || verb.equals("untag") ? Classification.WRITE
                : verb.equals("flush") ? Classification.WRITE
                : ActionRules.unknownOperation(operation);
        return new Mapping(List.of("apigateway:".concat(method)), classification);
    }

    private static void map(String prefix, String operation, String... actions) {
        mapAs(prefix, operation, null, actions);
    }

    private static void mapAs(String prefix, String operation, Classification classification, String... actions) {
        List<String> list = new ArrayList<>(List.of(actions));
        if (TABLE.put(BuiltInCatalog.actionName(prefix, operation), new Mapping(List.copyOf(list), classification)) != null) {
            throw new IllegalStateException(prefix + ":" + operation + " is mapped twice");
        }
    }
}

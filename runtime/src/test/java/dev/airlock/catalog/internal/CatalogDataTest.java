package dev.airlock.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.ResourceType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated catalog as shipped in the jar: complete, parseable, and carrying what the rules need. */
class CatalogDataTest {

    private final CatalogFiles files = new CatalogFiles(getClass().getClassLoader(), CatalogFiles.DEFAULT_LOCATION);

    @Test
    void holdsTheWholeServiceReference() {
        assertThat(ActionCatalog.builtIn().size()).isGreaterThan(15_000);
        assertThat(files.prefixes()).hasSizeGreaterThan(400).contains("s3", "ec2", "iam", "dynamodb", "cloudwatch",
                "logs", "states", "events", "elasticloadbalancing", "monitron");
    }

    @Test
    void everyServiceFileParsesAndMatchesTheIndex() {
        Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (String prefix : files.prefixes()) {
            ServiceActions service = files.service(prefix);
            for (ActionInfo info : service.actions()) {
                total++;
                counts.merge(info.classification(), 1, Integer::sum);
                if (!info.servicePrefix().equals(prefix) || info.name().isBlank()) {
                    problems.add(prefix + ":" + info.name());
                }
                for (ResourceType type : info.resourceTypes()) {
                    if (!type.arnTemplate().startsWith("arn:") || service.templates(type).isEmpty()) {
                        problems.add(prefix + ":" + info.name() + " " + type);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(total).isEqualTo(files.size());
        assertThat(counts.get(Classification.READ)).isGreaterThan(8_000);
        assertThat(counts.get(Classification.WRITE)).isGreaterThan(5_000);
        assertThat(counts.get(Classification.DESTRUCTIVE)).isGreaterThan(3_000);
    }

    @Test
    void recordsAccessLevelsResourceTypesAndArnTemplates() {
        ActionCatalog catalog = ActionCatalog.builtIn();

        ActionInfo deleteBucket = catalog.action("s3:DeleteBucket");
        assertThat(deleteBucket.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(deleteBucket.accessLevel()).isEqualTo("Write");
        assertThat(deleteBucket.resourceTypes()).containsExactly(
                new ResourceType("bucket", "arn:${Partition}:s3:::${BucketName}", true));

        assertThat(catalog.action("s3:GetObject").classification()).isEqualTo(Classification.READ);
        assertThat(catalog.action("s3:ListBucket").accessLevel()).isEqualTo("List");
        assertThat(catalog.action("s3:PutBucketTagging").accessLevel()).isEqualTo("Tagging");

        ActionInfo attach = catalog.action("iam:AttachRolePolicy");
        assertThat(attach.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(attach.accessLevel()).isEqualTo("Permissions management");

        assertThat(catalog.action("dynamodb:PutItem").resourceTypes()).extracting(ResourceType::arnTemplate)
                .contains("arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}");
    }

    @Test
    void everyReviewedExceptionNamesARealAction() {
        List<String> missing = new ArrayList<>();
        for (String action : ReviewedActions.all().keySet()) {
            if (ActionCatalog.builtIn().action(action) == null) {
                missing.add(action);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void reviewedExceptionsWin() {
        ReviewedActions.all().forEach((action, classification) ->
                assertThat(ActionCatalog.builtIn().action(action).classification()).as(action)
                        .isEqualTo(classification));
    }

    @Test
    void everyMappedIamActionExists() {
        List<String> missing = new ArrayList<>();
        ActionCatalog catalog = ActionCatalog.builtIn();
        for (String operation : List.of("ListObjectsV2", "HeadObject", "HeadBucket", "ListObjectVersions",
                "ListBuckets", "ListMultipartUploads", "ListParts", "SelectObjectContent", "DeleteObjects",
                "CopyObject", "UploadPartCopy", "CreateMultipartUpload", "WriteGetObjectResponse", "CreateSession",
                "ListDirectoryBuckets", "DeleteBucketLifecycle", "DeleteBucketEncryption", "DeleteBucketReplication",
                "DeleteBucketCors", "DeleteBucketTagging", "DeleteBucketOwnershipControls",
                "DeleteBucketAnalyticsConfiguration", "DeleteBucketMetricsConfiguration",
                "DeleteBucketInventoryConfiguration", "DeleteBucketIntelligentTieringConfiguration",
                "ListBucketAnalyticsConfigurations", "ListBucketMetricsConfigurations",
                "ListBucketInventoryConfigurations", "ListBucketIntelligentTieringConfigurations",
                "GetBucketAccelerateConfiguration", "PutBucketAccelerateConfiguration",
                "GetBucketNotificationConfiguration", "PutBucketNotificationConfiguration",
                "GetObjectLockConfiguration", "PutObjectLockConfiguration", "GetPublicAccessBlock",
                "PutPublicAccessBlock", "DeletePublicAccessBlock", "GetPublicAccessBlockForAccount",
                "DeletePublicAccessBlockForAccount")) {
            for (String action : catalog.operation("s3", operation).actions()) {
                if (catalog.action(action) == null) {
                    missing.add(operation + " → " + action);
                }
            }
        }
        for (String[] op : new String[][] {{"lambda", "Invoke"}, {"lambda", "InvokeWithResponseStream"},
            {"lambda", "GetLayerVersionByArn"}, {"sqs", "SendMessageBatch"}, {"sqs", "DeleteMessageBatch"},
            {"sqs", "ChangeMessageVisibilityBatch"}, {"sns", "PublishBatch"}, {"kms", "ReEncrypt"},
            {"secretsmanager", "BatchGetSecretValue"}, {"dynamodb", "TransactWriteItems"},
            {"dynamodb", "TransactGetItems"}, {"dynamodb", "ExecuteStatement"}, {"apigateway", "GetRestApis"}}) {
            for (String action : catalog.operation(op[0], op[1]).actions()) {
                if (catalog.action(action) == null) {
                    missing.add(op[0] + ":" + op[1] + " → " + action);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyServiceNameAliasPointsAtACatalogPrefix() {
        assertThat(ServicePrefixes.aliasTargets()).allSatisfy(prefix -> assertThat(files.hasService(prefix))
                .as("%s is a catalog prefix", prefix).isTrue());
    }

    @Test
    void aMissingCatalogFailsLoudlyOnUseButNotOnCreation() {
        BuiltInCatalog broken = new BuiltInCatalog(new CatalogFiles(getClass().getClassLoader(), "no/such/place/"));

        assertThatThrownBy(() -> broken.operation("s3", "GetObject"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no/such/place/index.txt");
        assertThatThrownBy(broken::size).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void prefixesThatCannotBeFileNamesAreSimplyUnknown() {
        assertThat(files.service("../../../etc/passwd")).isNull();
        assertThat(files.service("S3")).isNull();
        assertThat(files.service("")).isNull();
        assertThat(files.service("no-such-service")).isNull();
        assertThat(files.service("s3")).isNotNull();
    }
}

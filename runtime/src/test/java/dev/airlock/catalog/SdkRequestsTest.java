package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Delete.Builder;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;

/**
 * Real SDK requests, turned into plain maps by their member names as the SDK describes them, give the
 * classification and ARNs a user expects: the member names the catalog reads are the SDK's.
 */
class SdkRequestsTest {

    private final ActionCatalog catalog = ActionCatalog.builtIn();

    @Test
    void s3DeleteObjectsNamesEachObject() {
        Builder delete = software.amazon.awssdk.services.s3.model.Delete.builder()
                .objects(ObjectIdentifier.builder().key("a.txt").build(), ObjectIdentifier.builder().key("b/c.txt").build());
        Map<String, Object> request = asMap(DeleteObjectsRequest.builder().bucket("photos").delete(delete.build()).build());
        Operation op = catalog.operation(catalog.servicePrefix("S3", "s3"), "DeleteObjects");

        assertThat(catalog.classify(op, request)).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.resources(op, request, "us-east-1", null))
                .containsExactly("arn:aws:s3:::photos/a.txt", "arn:aws:s3:::photos/b/c.txt");
    }

    @Test
    void s3SuspendingVersioningIsDestructive() {
        Map<String, Object> request = asMap(PutBucketVersioningRequest.builder().bucket("photos")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)).build());
        Operation op = catalog.operation("s3", "PutBucketVersioning");

        assertThat(catalog.classify(op, request)).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.resources(op, request, "us-east-1", null)).containsExactly("arn:aws:s3:::photos");
    }

    @Test
    void dynamoDbBatchesWithDeletesAreDestructive() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.builder().s("1").build());
        Map<String, Object> transact = asMap(TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("orders").item(key).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName("audit").key(key).build()).build())
                .build());
        Map<String, Object> batch = asMap(BatchWriteItemRequest.builder().requestItems(Map.of("orders",
                List.of(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())))
                .build());
        Map<String, Object> protectionOff = asMap(UpdateTableRequest.builder().tableName("orders")
                .deletionProtectionEnabled(false).build());
        String dynamodb = catalog.servicePrefix("DynamoDb", "dynamodb");

        Operation transactOp = catalog.operation(dynamodb, "TransactWriteItems");
        assertThat(catalog.classify(transactOp, transact)).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.resources(transactOp, transact, "eu-west-1", "123456789012")).containsExactly(
                "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                "arn:aws:dynamodb:eu-west-1:123456789012:table/audit");
        assertThat(catalog.classify(catalog.operation(dynamodb, "BatchWriteItem"), batch))
                .isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.classify(catalog.operation(dynamodb, "UpdateTable"), protectionOff))
                .isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void sqsPurgeNamesTheQueueFromItsUrl() {
        Map<String, Object> request = asMap(PurgeQueueRequest.builder()
                .queueUrl("http://localhost:9324/000000000000/demo-queue").build());
        Operation op = catalog.operation(catalog.servicePrefix("Sqs", "sqs"), "PurgeQueue");

        assertThat(op.classification()).isEqualTo(Classification.DESTRUCTIVE);
        assertThat(catalog.resources(op, request, "us-east-1", null))
                .containsExactly("arn:aws:sqs:us-east-1:000000000000:demo-queue");
    }

    /** The request as plain values, keyed by the SDK's member names. */
    private static Map<String, Object> asMap(SdkPojo pojo) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = plain(field.getValueOrDefault(pojo));
            if (value != null) {
                map.put(field.memberName(), value);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof SdkPojo pojo) {
            return asMap(pojo);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(element -> out.add(plain(element)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean || value == null
                ? value : String.valueOf(value);
    }
}

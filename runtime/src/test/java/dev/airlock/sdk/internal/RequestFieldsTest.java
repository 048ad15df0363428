package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

class RequestFieldsTest {

    @Test
    void membersBecomePlainValuesUnderTheirApiNames() {
        Instant retainUntil = Instant.parse("2030-01-02T03:04:05Z");
        PutObjectRequest put = PutObjectRequest.builder().bucket("b").key("k").contentLength(42L)
                .storageClass(StorageClass.STANDARD_IA).metadata(Map.of("owner", "ops"))
                .objectLockRetainUntilDate(retainUntil).bucketKeyEnabled(true).build();

        Map<String, Object> fields = RequestFields.of(put);

        assertThat(fields).containsEntry("Bucket", "b").containsEntry("Key", "k").containsEntry("ContentLength", 42L)
                .containsEntry("StorageClass", "STANDARD_IA").containsEntry("Metadata", Map.of("owner", "ops"))
                .containsEntry("ObjectLockRetainUntilDate", "2030-01-02T03:04:05Z")
                .containsEntry("BucketKeyEnabled", true)
                .doesNotContainKeys("ACL", "ContentType", "Tagging");
    }

    @Test
    void nestedStructuresBecomeMapsAndBinaryAShortPlaceholder() {
        PutItemRequest put = PutItemRequest.builder().tableName("orders").item(Map.of(
                "id", AttributeValue.fromS("o-1"),
                "photo", AttributeValue.fromB(SdkBytes.fromUtf8String("abc")),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromN("3"))))).build();

        Map<String, Object> fields = RequestFields.of(put);

        assertThat(fields).containsEntry("TableName", "orders");
        assertThat(fields.get("Item")).isEqualTo(Map.of(
                "id", Map.of("S", "o-1"),
                "photo", Map.of("B", "(binary, 3 bytes)"),
                "lines", Map.of("L", List.of(Map.of("N", "3")))));
    }

    @Test
    void anUnsetIdempotencyTokenIsNotInvented() {
        TransactWriteItemsRequest withoutToken = TransactWriteItemsRequest.builder().build();
        TransactWriteItemsRequest withToken = TransactWriteItemsRequest.builder().clientRequestToken("t-1").build();

        assertThat(RequestFields.of(withoutToken)).doesNotContainKey("ClientRequestToken");
        assertThat(RequestFields.of(withoutToken)).isEqualTo(RequestFields.of(withoutToken));
        assertThat(RequestFields.of(withToken)).containsEntry("ClientRequestToken", "t-1");
    }

    @Test
    void aDeleteOfAThousandLongestKeysKeepsEveryKey() {
        List<ObjectIdentifier> keys = IntStream.range(0, 1000)
                .mapToObj(i -> ObjectIdentifier.builder().key(String.format("%04d", i) + "x".repeat(1020)).build())
                .toList();
        DeleteObjectsRequest delete = DeleteObjectsRequest.builder().bucket("b")
                .delete(d -> d.objects(keys)).build();

        List<?> objects = (List<?>) ((Map<?, ?>) RequestFields.of(delete).get("Delete")).get("Objects");

        assertThat(objects).hasSize(1000);
        assertThat(objects.get(999)).isEqualTo(Map.of("Key", "0999" + "x".repeat(1020)));
    }

    @Test
    void aHugeRequestKeepsItsWholeStructureAndBoundsOnlyTheValues() {
        List<ObjectIdentifier> keys = IntStream.range(0, 150_000)
                .mapToObj(i -> ObjectIdentifier.builder().key("k" + i).build()).toList();
        DeleteObjectsRequest delete = DeleteObjectsRequest.builder().bucket("b").delete(d -> d.objects(keys)).build();

        Map<String, Object> fields = RequestFields.of(delete);
        List<?> objects = (List<?>) ((Map<?, ?>) fields.get("Delete")).get("Objects");

        assertThat(objects).hasSize(150_000);
        assertThat(objects.get(149_999)).isEqualTo(Map.of("Key", "k149999"));
        assertThat(fields).doesNotContainKey(RequestFields.CUT);
    }

    @Test
    void theCutMarkIsTheOneTheCatalogReads() {
        assertThat(RequestFields.CUT).isEqualTo(dev.airlock.catalog.ActionCatalog.STRUCTURE_CUT);
    }

    @Test
    void aLargePutAheadOfADeleteInABatchStillShowsTheDelete() {
        String big = "x".repeat(60 * 1024);
        java.util.List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(
                    Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(big)))).build());
        }
        writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().deleteRequest(d -> d.key(
                Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("keep-me")))).build());
        Map<String, Object> fields = RequestFields.of(software.amazon.awssdk.services.dynamodb.model
                .BatchWriteItemRequest.builder().requestItems(Map.of("orders", writes)).build());

        dev.airlock.catalog.ActionCatalog catalog = dev.airlock.catalog.ActionCatalog.builtIn();
        assertThat(catalog.classify(catalog.operation("dynamodb", "BatchWriteItem"), fields))
                .isEqualTo(dev.airlock.call.Classification.DESTRUCTIVE);
    }

    @Test
    void aLargePutAheadOfADeleteInATransactionStillShowsTheDelete() {
        String big = "x".repeat(300 * 1024);
        java.util.List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p
                    .tableName("orders").item(Map.of("id",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(big)))).build());
        }
        items.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().delete(d -> d
                .tableName("orders").key(Map.of("id",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("keep-me")))).build());
        Map<String, Object> fields = RequestFields.of(software.amazon.awssdk.services.dynamodb.model
                .TransactWriteItemsRequest.builder().transactItems(items).build());

        dev.airlock.catalog.ActionCatalog catalog = dev.airlock.catalog.ActionCatalog.builtIn();
        assertThat(catalog.classify(catalog.operation("dynamodb", "TransactWriteItems"), fields))
                .isEqualTo(dev.airlock.call.Classification.DESTRUCTIVE);
    }

    @Test
    void aVeryLongStringIsCutAndSaysHowMuchIsMissing() {
        String policy = "{" + "\"a\":1,".repeat(100_000) + "}";
        Map<String, Object> fields = RequestFields.of(
                PutBucketPolicyRequest.builder().bucket("b").policy(policy).build());

        assertThat((String) fields.get("Policy")).hasSizeLessThan(RequestFields.MAX_STRING + 64)
                .startsWith("{\"a\":1,").endsWith("more characters)");
    }

    @Test
    void aNullRequestHasNoMembers() {
        assertThat(RequestFields.of(null)).isEmpty();
    }
}

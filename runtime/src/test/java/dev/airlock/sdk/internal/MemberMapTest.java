package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * A request's members read into the short arrays of {@link MemberMap} are those the hash-map reading gave, in
 * the same order, on generated requests of few and of many members.
 */
class MemberMapTest {

    @Test
    void readsWhatTheHashMapReadingReadsInItsOrder() {
        Random random = new Random(42L);
        int arrays = 0;
        for (int i = 0; i < 2_000; i++) {
            SdkPojo request = request(random);
            Map<String, Object> read = RequestFields.of((software.amazon.awssdk.core.SdkRequest) request);
            Map<String, Object> oracle = RequestFields.inHashMap(request);

            assertThat(read).as(request.toString()).isEqualTo(oracle);
            assertThat(oracle).isEqualTo(read);
            assertThat(new ArrayList<>(read.entrySet())).as(request.toString())
                    .containsExactlyElementsOf(oracle.entrySet());
            assertThat(read.hashCode()).isEqualTo(oracle.hashCode());
            assertThat(read.toString()).isEqualTo(oracle.toString());
            for (String name : List.of("Bucket", "Key", "TableName", "Nope", RequestFields.CUT)) {
                assertThat(read.get(name)).isEqualTo(oracle.get(name));
                assertThat(read.containsKey(name)).isEqualTo(oracle.containsKey(name));
            }
            if (read instanceof MemberMap) {
                arrays++;
            }
        }
        assertThat(arrays).isBetween(500, 1_900); // both the arrays and the hash map were exercised
    }

    @Test
    void cannotBeChanged() {
        Map<String, Object> read = RequestFields.of(HeadObjectRequest.builder().bucket("b").key("k").build());

        assertThat(read).isInstanceOf(MemberMap.class);
        assertThatThrownBy(() -> read.put("Bucket", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.entrySet().iterator().next().setValue("other"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.remove("Bucket")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(read).containsEntry("Bucket", "b");
    }

    private static SdkPojo request(Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                HeadObjectRequest.Builder b = HeadObjectRequest.builder();
                if (random.nextBoolean()) {
                    b.bucket("bucket-" + random.nextInt(9));
                }
                if (random.nextBoolean()) {
                    b.key("k/" + random.nextInt(99));
                }
                if (random.nextBoolean()) {
                    b.versionId("v" + random.nextInt(9));
                }
                if (random.nextBoolean()) {
                    b.ifModifiedSince(Instant.ofEpochSecond(random.nextInt(1_000_000)));
                }
                return b.build();
            }
            case 1: {
                // Up to about twenty members set: past the arrays' room.
                PutObjectRequest.Builder b = PutObjectRequest.builder().bucket("b").key("k");
                int extra = random.nextInt(20);
                if (extra > 0) b.contentType("text/plain");
                if (extra > 1) b.cacheControl("no-cache");
                if (extra > 2) b.contentDisposition("inline");
                if (extra > 3) b.contentEncoding("gzip");
                if (extra > 4) b.contentLanguage("en");
                if (extra > 5) b.contentLength(12L);
                if (extra > 6) b.contentMD5("md5");
                if (extra > 7) b.expires(Instant.EPOCH);
                if (extra > 8) b.grantRead("id=1");
                if (extra > 9) b.grantReadACP("id=2");
                if (extra > 10) b.grantWriteACP("id=3");
                if (extra > 11) b.metadata(Map.of("a", "1", "b", "2"));
                if (extra > 12) b.storageClass(StorageClass.GLACIER);
                if (extra > 13) b.websiteRedirectLocation("/x");
                if (extra > 14) b.sseCustomerAlgorithm("AES256");
                if (extra > 15) b.ssekmsKeyId("kms");
                if (extra > 16) b.tagging("a=b");
                if (extra > 17) b.objectLockLegalHoldStatus("ON");
                if (extra > 18) b.expectedBucketOwner("123456789012");
                return b.build();
            }
            case 2: {
                List<ObjectIdentifier> objects = new ArrayList<>();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    objects.add(ObjectIdentifier.builder().key("k" + i).build());
                }
                return DeleteObjectsRequest.builder().bucket("b").delete(d -> d.objects(objects)).build();
            }
            default:
                return GetItemRequest.builder().tableName("t" + random.nextInt(5))
                        .key(Map.of("id", AttributeValue.builder().s("x").build()))
                        .consistentRead(random.nextBoolean() ? Boolean.TRUE : null).build();
        }
    }
}

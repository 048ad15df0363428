package dev.airlock.sdk.v1.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.DefaultRequest;
import com.amazonaws.handlers.HandlerContextKey;
import com.amazonaws.services.s3.model.DeleteBucketRequest;
import com.amazonaws.services.s3.model.DeleteObjectsRequest;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.PutObjectRequest;
import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.sdk.v1.AirlockDeniedV1Exception;
import dev.airlock.sdk.v1.AirlockHeldV1Exception;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class V1AgentHookTest {

    private final RecordingGuard gate = new RecordingGuard();

    @AfterEach
    void uninstall() {
        AirlockBridge.installCallGuard(null);
    }

    @Test
    void aDestructiveV1CallIsDecidedWithItsFieldsAndHeld() {
        AirlockBridge.installCallGuard(gate);
        DefaultRequest<DeleteBucketRequest> request = request(new DeleteBucketRequest("demo-data"), "DeleteBucket");

        assertThatThrownBy(() -> V1AgentHook.beforeExecution(request))
                .isInstanceOfSatisfying(AirlockHeldV1Exception.class, e -> {
                    assertThat(e.outcome()).isEqualTo("HOLD");
                    assertThat(e.approvalId()).isEqualTo("apr-1");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("held DeleteBucket");
                });
        assertThat(gate.decided).singleElement().satisfies(d -> {
            assertThat(d.get("origin")).isEqualTo("sdk-v1");
            assertThat(d.get("service")).isEqualTo("S3");
            assertThat(d.get("operation")).isEqualTo("DeleteBucket");
            assertThat(d.get("endpoint")).isEqualTo("http://localhost:9999");
            assertThat(d.get("fields")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("Bucket", "demo-data");
        });
    }

    @Test
    void aReadEndsOnTheFastPathWithoutItsFieldsBeingRead() {
        AirlockBridge.installCallGuard(gate);

        V1AgentHook.beforeExecution(request(new ListObjectsV2Request().withBucketName("b"), "ListObjectsV2"));

        assertThat(gate.screened).containsExactly("S3/ListObjectsV2");
        assertThat(gate.decided).isEmpty();
    }

    @Test
    void withoutAGateNothingHappens() {
        V1AgentHook.beforeExecution(request(new DeleteBucketRequest("b"), "DeleteBucket"));

        assertThat(gate.screened).isEmpty();
    }

    @Test
    void theOperationComesFromTheRequestClassWhenTheClientDoesNotName() {
        AirlockBridge.installCallGuard(gate);
        DefaultRequest<DeleteBucketRequest> request = new DefaultRequest<>(new DeleteBucketRequest("b"), "Amazon S3");

        assertThatThrownBy(() -> V1AgentHook.beforeExecution(request)).isInstanceOf(AirlockHeldV1Exception.class);
        assertThat(gate.decided.get(0)).containsEntry("service", "S3").containsEntry("operation", "DeleteBucket");
    }

    @Test
    void aGateThatFailsDeniesTheCall() {
        AirlockBridge.installCallGuard(new RecordingGuard() {
            @Override
            public CallAnswer decide(String origin, String s, String n, String op, String r, String e,
                                     Map<String, Object> f, ProbeChannel probes) {
                throw new IllegalStateException("boom");
            }
        });

        assertThatThrownBy(() -> V1AgentHook.beforeExecution(request(new DeleteBucketRequest("b"), "DeleteBucket")))
                .isInstanceOfSatisfying(AirlockDeniedV1Exception.class, e ->
                        assertThat(e.outcome()).isEqualTo("DENY"));
    }

    @Test
    void fieldsAreReadFromGettersAndStreamsAreNeverTouched() {
        InputStream body = new ByteArrayInputStream(new byte[] {1, 2, 3}) {
            @Override
            public synchronized int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        Map<String, Object> put = V1RequestFields.of(new PutObjectRequest("b", "k", body, null));
        Map<String, Object> delete = V1RequestFields.of(new DeleteObjectsRequest("b")
                .withKeys("a.txt", "b.txt").withQuiet(true));

        assertThat(put).containsEntry("Bucket", "b").containsEntry("Key", "k").doesNotContainKey("InputStream");
        assertThat(delete).containsEntry("Quiet", true);
        assertThat((List<?>) delete.get("Keys")).hasSize(2).first().isEqualTo(Map.of("Key", "a.txt"));
    }

    private static <T extends com.amazonaws.AmazonWebServiceRequest> DefaultRequest<T> request(T original,
                                                                                                String operation) {
        DefaultRequest<T> r = new DefaultRequest<>(original, "Amazon S3");
        r.setEndpoint(URI.create("http://localhost:9999"));
        r.addHandlerContext(HandlerContextKey.SERVICE_ID, "S3");
        r.addHandlerContext(HandlerContextKey.OPERATION_NAME, operation);
        return r;
    }

    /** Reads proceed on the fast path; everything else is held with approval id {@code apr-1}. */
    private static class RecordingGuard implements CallGuard {
        final List<String> screened = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> decided = new CopyOnWriteArrayList<>();

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            screened.add(sdkService + "/" + operation);
            return operation.startsWith("List") ? PROCEED : NEEDS_REQUEST;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
            decided.add(new java.util.HashMap<>(Map.of("origin", origin, "service", sdkService, "operation",
                    operation, "endpoint", String.valueOf(endpoint), "fields", request)));
            return CallAnswer.stop(CallAnswer.HOLD, "Airlock held " + operation, "apr-1");
        }
    }
}

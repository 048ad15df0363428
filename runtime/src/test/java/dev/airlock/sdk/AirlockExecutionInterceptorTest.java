package dev.airlock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.audit.AuditLog;
import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

@Timeout(60)
class AirlockExecutionInterceptorTest {

    private S3Stand s3;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        s3 = new S3Stand();
        engine = Engine.builder(AirlockConfig.of(Map.of(AirlockConfig.AUDIT_ENABLED, "false"))).catalog(ActionCatalog.builtIn()).policy(Policy.builtInDefault()).audit(AuditLog.discard()).plans(PlanBook.discard()).build();
    }

    @AfterEach
    void stop() {
        AirlockBridge.installCallGuard(null);
        engine.close();
        s3.close();
    }

    @Test
    void aPolicyThatSaysNoIsADenialAndAHoldIsAHoldToldApartByType() throws Exception {
        Policy policy = Policy.parse("""
                Version: "2026-11-01"
                Statement:
                  - Sid: NoProdDeletes
                    Effect: Deny
                    Action: "s3:DeleteBucket"
                    Resource: "arn:aws:s3:::prod-*"
                """, "deny.yaml");
        try (Engine denying = Engine.builder(AirlockConfig.of(Map.of(AirlockConfig.AUDIT_ENABLED, "false")))
                .policy(policy).audit(AuditLog.discard()).plans(PlanBook.discard()).build();
             S3Client client = s3.client(new AirlockExecutionInterceptor(denying.guard()))) {
            Throwable denied = catchThrowable(() -> client.deleteBucket(b -> b.bucket("prod-data")));
            Throwable held = catchThrowable(() -> client.deleteBucket(b -> b.bucket("scratch")));

            assertThat(denied).isInstanceOf(AirlockDeniedException.class).isInstanceOf(SdkClientException.class)
                    .isNotInstanceOf(AirlockHeldException.class).hasMessageContaining("NoProdDeletes");
            assertThat(((AirlockDeniedException) denied).retryable()).isFalse();
            assertThat(held).isInstanceOf(AirlockHeldException.class).isInstanceOf(SdkClientException.class);
            assertThat(((AirlockHeldException) held).outcome()).isEqualTo("HOLD");
            assertThat(((AirlockHeldException) held).approvalId()).startsWith("apr-");
        }
        assertThat(s3.requests()).as("neither call reached S3").isEmpty();
    }

    @Test
    void readsReachS3AndADestructiveCallIsHeldWithAMessageThatSaysWhatToDo() {
        try (S3Client client = s3.client(new AirlockExecutionInterceptor(engine.guard()))) {
            client.listBuckets();

            Throwable thrown = catchThrowable(() -> client.deleteBucket(b -> b.bucket("doomed")));

            assertThat(thrown).isInstanceOf(AirlockHeldException.class).isInstanceOf(SdkClientException.class)
                    .hasMessageStartingWith("Airlock held s3:DeleteBucket: it was NOT sent")
                    .hasMessageContaining("Next: ");
            AirlockHeldException held = (AirlockHeldException) thrown;
            assertThat(held.outcome()).isEqualTo(CallAnswer.HOLD);
            assertThat(held.approvalId()).startsWith("apr-");
            assertThat(held.retryable()).isFalse();
            assertThat(held.getMessage()).contains(held.approvalId());
        }
        assertThat(s3.requests()).containsExactly("GET /");
    }

    @Test
    void anAsynchronousCallFailsItsFutureInsteadOfBeingSent() {
        try (S3AsyncClient client = s3.asyncClient(new AirlockExecutionInterceptor(engine.guard()))) {
            client.listBuckets().join();

            var future = client.deleteBucket(b -> b.bucket("doomed"));

            assertThat(future).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .havingCause().isInstanceOf(AirlockHeldException.class)
                    .withMessageStartingWith("Airlock held s3:DeleteBucket");
        }
        assertThat(s3.requests()).containsExactly("GET /");
    }

    @Test
    void theGateSeesTheRequestAsPlainValuesWithEveryKeyOfABigDelete() {
        RecordingGuard gate = new RecordingGuard();
        List<ObjectIdentifier> keys = IntStream.range(0, 1000)
                .mapToObj(i -> ObjectIdentifier.builder().key("logs/" + i).build()).toList();
        try (S3Client client = s3.client(new AirlockExecutionInterceptor(gate))) {
            client.deleteObjects(b -> b.bucket("audit-logs").delete(d -> d.objects(keys).quiet(true)));
        }

        RecordingGuard.Decision d = gate.decided.get(0);
        assertThat(d.origin()).isEqualTo("sdk");
        assertThat(d.service()).isEqualTo("S3");
        assertThat(d.signingName()).isEqualTo("s3");
        assertThat(d.operation()).isEqualTo("DeleteObjects");
        assertThat(d.region()).isEqualTo("us-east-1");
        assertThat(d.endpoint()).isEqualTo(s3.endpoint().toString());
        assertThat(d.request()).containsEntry("Bucket", "audit-logs");
        @SuppressWarnings("unchecked")
        Map<String, Object> delete = (Map<String, Object>) d.request().get("Delete");
        assertThat(delete).containsEntry("Quiet", true);
        assertThat((List<?>) delete.get("Objects")).hasSize(1000).first().isEqualTo(Map.of("Key", "logs/0"));
    }

    @Test
    void stepsAsideWhenTheJavaAgentGuardsTheJvm() {
        RecordingGuard agentGate = new RecordingGuard();
        AirlockBridge.installCallGuard(agentGate);
        try (S3Client client = s3.client(new AirlockExecutionInterceptor(engine.guard()))) {
            client.deleteBucket(b -> b.bucket("doomed"));
        }
        // The agent's own hook (not installed in this test) would have decided; the interceptor did not.
        assertThat(s3.requests()).containsExactly("DELETE /doomed");
        assertThat(agentGate.screened).isEmpty();
    }

    @Test
    void aCallTheGateMakesWhileDecidingIsAirlocksOwnAndIsNotAskedAgain() {
        S3Client[] client = new S3Client[1];
        RecordingGuard gate = new RecordingGuard() {
            @Override
            public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request,
                                     ProbeChannel probes) {
                super.decide(origin, sdkService, signingName, operation, region, endpoint, request, probes);
                if (request.get("Bucket").equals("outer")) {
                    client[0].deleteBucket(b -> b.bucket("probe"));
                }
                return CallAnswer.stop(CallAnswer.DENY, "denied", null);
            }
        };
        client[0] = s3.client(new AirlockExecutionInterceptor(gate));
        try (S3Client c = client[0]) {
            assertThatThrownBy(() -> c.deleteBucket(b -> b.bucket("outer"))).isInstanceOf(AirlockDeniedException.class);
        }
        assertThat(gate.decided).hasSize(1);
        assertThat(s3.requests()).containsExactly("DELETE /probe");
    }

    @Test
    void withoutAGateItUsesTheEngineOfTheClassPath(@TempDir Path tmp) {
        System.setProperty("airlock.audit.enabled", "false");
        System.setProperty("airlock.plan.dir", tmp.resolve("plans").toString());
        try (S3Client client = s3.client(new AirlockExecutionInterceptor())) {
            client.listBuckets();
            assertThatThrownBy(() -> client.deleteBucket(b -> b.bucket("doomed")))
                    .isInstanceOf(SdkException.class)
                    .isInstanceOf(AirlockHeldException.class)
                    .hasMessageContaining("DeleteBucket");
        } finally {
            System.clearProperty("airlock.audit.enabled");
            System.clearProperty("airlock.plan.dir");
        }
        assertThat(s3.requests()).containsExactly("GET /");
    }

    @Test
    void catchingCompletionExceptionStillShowsTheHeldCall() {
        try (S3AsyncClient client = s3.asyncClient(new AirlockExecutionInterceptor(engine.guard()))) {
            Throwable thrown = catchThrowable(() -> client.deleteBucket(b -> b.bucket("doomed")).join());
            assertThat(thrown).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(AirlockHeldException.class);
        }
    }
}

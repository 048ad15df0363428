package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.audit.AuditLog;
import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Policy;
import dev.airlock.sdk.AirlockDeniedException;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.config.AwsClientOption;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;

/** The agent's entry point, called as the advice calls it, with what the SDK passes. */
class AgentHookTest {

    @AfterEach
    void uninstall() {
        AirlockBridge.installCallGuard(null);
    }

    @Test
    @SuppressWarnings("deprecation")
    void readsTheCallFromTheSdksExecutionParametersAndClientConfiguration() {
        List<List<Object>> seen = new ArrayList<>();
        AirlockBridge.installCallGuard(new CallGuard() {
            @Override
            public int screen(String sdkService, String signingName, String operation) {
                return NEEDS_REQUEST;
            }

            @Override
            public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
                seen.add(List.of(origin, sdkService, signingName, operation, region, endpoint, request));
                return CallAnswer.proceed();
            }
        });
        SdkClientConfiguration config = SdkClientConfiguration.builder()
                .option(SdkClientOption.SERVICE_NAME, "S3")
                .option(AwsClientOption.SERVICE_SIGNING_NAME, "s3")
                .option(AwsClientOption.AWS_REGION, Region.EU_WEST_1)
                .option(SdkClientOption.ENDPOINT, URI.create("https://s3.eu-west-1.amazonaws.com"))
                .build();

        AgentHook.beforeExecution(deleteBucket(), config);

        assertThat(seen).containsExactly(List.of("sdk", "S3", "s3", "DeleteBucket", "eu-west-1",
                "https://s3.eu-west-1.amazonaws.com", Map.of("Bucket", "b")));
    }

    @Test
    void withoutAnAgentGateEveryCallGoes() {
        AgentHook.beforeExecution(deleteBucket(), SdkClientConfiguration.builder().build());
    }

    @Test
    void aDestructiveCallIsHeldAndAReadGoes() throws Exception {
        AirlockBridge.installCallGuard(engine().guard());
        SdkClientConfiguration config = SdkClientConfiguration.builder()
                .option(SdkClientOption.SERVICE_NAME, "S3").build();

        AgentHook.beforeExecution(new ClientExecutionParams<>().withOperationName("ListBuckets")
                .withInput(ListBucketsRequest.builder().build()), config);
        Throwable thrown = catchThrowable(() -> AgentHook.beforeExecution(deleteBucket(), config));

        assertThat(thrown).isInstanceOf(AirlockHeldException.class).hasMessageContaining("DeleteBucket");
    }

    @Test
    void whatItCannotReadIsDeniedAsAirlockDeniedExceptionNotAsAnInternalError() throws Exception {
        AirlockBridge.installCallGuard(engine().guard());

        Throwable thrown = catchThrowable(() -> AgentHook.beforeExecution("not the SDK's parameters", 42));

        assertThat(thrown).isInstanceOf(AirlockDeniedException.class);
        assertThat(((AirlockDeniedException) thrown).outcome()).isEqualTo(CallAnswer.DENY);
    }

    private static ClientExecutionParams<DeleteBucketRequest, ?> deleteBucket() {
        return new ClientExecutionParams<DeleteBucketRequest, software.amazon.awssdk.services.s3.model.DeleteBucketResponse>()
                .withOperationName("DeleteBucket").withInput(DeleteBucketRequest.builder().bucket("b").build());
    }

    private static Engine engine() throws Exception {
        return Engine.builder(AirlockConfig.of(Map.of(AirlockConfig.AUDIT_ENABLED, "false"))).catalog(ActionCatalog.builtIn()).policy(Policy.builtInDefault()).audit(AuditLog.discard()).plans(PlanBook.discard()).build();
    }
}

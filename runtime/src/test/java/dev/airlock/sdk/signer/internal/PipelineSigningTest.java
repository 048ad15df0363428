package dev.airlock.sdk.signer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.internal.http.HttpClientDependencies;
import software.amazon.awssdk.core.internal.http.pipeline.stages.SigningStage;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Only the SDK's own signing stage can name a request as the pipeline's, and only for one signing of it. */
class PipelineSigningTest {

    private static SdkHttpFullRequest deleteBucket() {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.DELETE)
                .uri(URI.create("http://127.0.0.1:9000/doomed")).build();
    }

    @Test
    void theStageNamesTheRequestItsSignerIsHandedOnce() {
        SigningStage stage = new SigningStage(HttpClientDependencies.builder()
                .clientConfiguration(SdkClientConfiguration.builder().build()).build());
        SdkHttpFullRequest request = deleteBucket();
        SignerHook.atSigningStage(stage, request, null);

        assertThat(PipelineSigning.insidePipeline(request)).isTrue();
        // Signed again by hand, on this thread, outside any stage: decided.
        assertThat(PipelineSigning.insidePipeline(request)).isFalse();
    }

    @Test
    void anotherRequestThanTheOneTheStageNamedIsDecided() {
        SigningStage stage = new SigningStage(HttpClientDependencies.builder()
                .clientConfiguration(SdkClientConfiguration.builder().build()).build());
        SignerHook.atSigningStage(stage, deleteBucket(), null);

        assertThat(PipelineSigning.insidePipeline(deleteBucket())).isFalse();
    }

    @Test
    void theHookCalledByHandWithoutTheSdksStageNamesNothing() {
        SdkHttpFullRequest request = deleteBucket();
        SignerHook.atSigningStage(new Object(), request, null);
        SignerHook.atSigningStage(null, request, null);

        assertThat(PipelineSigning.insidePipeline(request)).isFalse();
    }
}

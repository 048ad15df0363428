package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.sdk.AirlockDeniedException;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.RequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;

class V2EnforcerTest {

    private static final SdkRequest DELETE = DeleteBucketRequest.builder().bucket("b").build();
    private static final URI ENDPOINT = URI.create("https://s3.us-east-1.amazonaws.com");

    @Test
    void aCallTheScreenLetsThroughIsNeverDecided() {
        Gate gate = new Gate(CallGuard.PROCEED, CallAnswer.stop(CallAnswer.DENY, "no", null));

        assertThat(check(gate, DELETE)).isNull();
        assertThat(gate.requests).isEmpty();
    }

    @Test
    void withoutAGateEveryCallGoes() {
        assertThat(check(null, DELETE)).isNull();
    }

    @Test
    void aStopIsThrownAsAirlockHeldExceptionWithTheAnswersMessage() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, CallAnswer.stop(CallAnswer.DRY_RUN, "dry run: not sent", null));

        Throwable thrown = catchThrowable(() -> check(gate, DELETE));

        assertThat(thrown).isInstanceOf(AirlockHeldException.class).hasMessage("dry run: not sent");
        assertThat(((AirlockHeldException) thrown).outcome()).isEqualTo("DRY_RUN");
        assertThat(gate.requests).containsExactly(Map.of("Bucket", "b"));
    }

    @Test
    void aDecidedCallThatProceedsIsHandedItsAnswer() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, CallAnswer.proceed());

        assertThat(check(gate, DELETE)).isSameAs(CallAnswer.proceed());
    }

    @Test
    void aCallTheGateWantsSignedWithASessionCarriesItInItsRequest() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, CallAnswer.proceedWith(Map.of("accessKeyId", "ASIASESSION",
                "secretAccessKey", "s", "sessionToken", "t")));

        CallAnswer answer = check(gate, DELETE);
        SdkRequest signed = V2Enforcer.signedAsAnswered(answer, DELETE, "S3", "DeleteBucket");

        AwsCredentials used = ((AwsRequestOverrideConfiguration) signed.overrideConfiguration().orElseThrow())
                .credentialsProvider().orElseThrow().resolveCredentials();
        assertThat(used.accessKeyId()).isEqualTo("ASIASESSION");
        assertThat(((DeleteBucketRequest) signed).bucket()).isEqualTo("b");
    }

    @Test
    void aSessionARequestCannotCarryNeverLetsItGoWithTheClientsOwn() {
        CallAnswer answer = CallAnswer.proceedWith(Map.of("accessKeyId", "ASIA", "secretAccessKey", "s"));

        assertThat(catchThrowable(() -> V2Enforcer.signedAsAnswered(answer, new UnreadableRequest(), "S3",
                "DeleteBucket"))).isInstanceOf(AirlockDeniedException.class)
                .hasMessageStartingWith("Airlock denied S3.DeleteBucket: it was NOT sent")
                .hasMessageContaining("per-action session");
    }

    @Test
    void aFailingScreenFallsBackToTheFullDecision() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, CallAnswer.proceed()) {
            @Override
            public int screen(String sdkService, String signingName, String operation) {
                throw new IllegalStateException("broken screen");
            }
        };

        check(gate, DELETE);

        assertThat(gate.requests).hasSize(1);
    }

    @Test
    void aRequestThatCannotBeReadIsDecidedEmptySoTheGateFailsClosedOnIt() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, CallAnswer.proceed());

        check(gate, new UnreadableRequest());

        assertThat(gate.requests).containsExactly(Map.of());
    }

    @Test
    void aFailingGateDeniesTheCallAndNeverLetsItsOwnErrorEscape() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, null) {
            @Override
            public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
                throw new OutOfMemoryError("simulated");
            }
        };

        Throwable thrown = catchThrowable(() -> check(gate, DELETE));

        assertThat(thrown).isInstanceOf(AirlockDeniedException.class).isNotInstanceOf(AirlockHeldException.class)
                .hasMessageStartingWith("Airlock denied S3.DeleteBucket: it was NOT sent")
                .hasMessageContaining("simulated");
        assertThat(((AirlockDeniedException) thrown).outcome()).isEqualTo(CallAnswer.DENY);
    }

    @Test
    void aGateWithoutAnAnswerDeniesTheCall() {
        Gate gate = new Gate(CallGuard.NEEDS_REQUEST, null);

        assertThat(catchThrowable(() -> check(gate, DELETE))).isInstanceOf(AirlockDeniedException.class)
                .hasMessageContaining("no answer");
    }

    private static CallAnswer check(CallGuard gate, SdkRequest request) {
        return V2Enforcer.enforce(gate, "S3", "s3", "DeleteBucket", Region.US_EAST_1, ENDPOINT, request, null);
    }

    private static class Gate implements CallGuard {

        final List<Map<String, Object>> requests = new ArrayList<>();
        private final int screen;
        private final CallAnswer answer;

        Gate(int screen, CallAnswer answer) {
            this.screen = screen;
            this.answer = answer;
        }

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return screen;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
            requests.add(request);
            return answer;
        }
    }

    /** A request whose members cannot be listed. */
    private static final class UnreadableRequest extends SdkRequest {

        @Override
        public Optional<? extends RequestOverrideConfiguration> overrideConfiguration() {
            return Optional.empty();
        }

        @Override
        public Builder toBuilder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SdkField<?>> sdkFields() {
            throw new IllegalStateException("cannot list members");
        }
    }
}

package dev.airlock.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.RequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;

class SdkCallGuardTest {

    private static final SdkRequest DELETE = DeleteBucketRequest.builder().bucket("b").build();
    private static final URI ENDPOINT = URI.create("https://s3.us-east-1.amazonaws.com");

    @Test
    void aCallTheScreenLetsThroughIsNeverDecided() {
        Gate gate = new Gate(CallGate.PROCEED, GateAnswer.stop(GateAnswer.DENY, "no", null));

        assertThat(check(gate, DELETE)).isNull();
        assertThat(gate.requests).isEmpty();
    }

    @Test
    void withoutAGateEveryCallGoes() {
        assertThat(check(null, DELETE)).isNull();
    }

    @Test
    void aStopIsThrownAsAirlockHeldExceptionWithTheAnswersMessage() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, GateAnswer.stop(GateAnswer.DRY_RUN, "dry run: not sent", null));

        Throwable thrown = catchThrowable(() -> check(gate, DELETE));

        assertThat(thrown).isInstanceOf(AirlockHeldException.class).hasMessage("dry run: not sent");
        assertThat(((AirlockHeldException) thrown).outcome()).isEqualTo("DRY_RUN");
        assertThat(gate.requests).containsExactly(Map.of("Bucket", "b"));
    }

    @Test
    void aDecidedCallThatProceedsIsHandedItsAnswer() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, GateAnswer.proceed());

        assertThat(check(gate, DELETE)).isSameAs(GateAnswer.proceed());
    }

    @Test
    void aCallTheGateWantsSignedWithSessionCredentialsNeverGoesWithTheClientsOwn() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, GateAnswer.proceedWith(Map.of("accessKeyId", "ASIA...")));

        assertThat(catchThrowable(() -> check(gate, DELETE))).isInstanceOf(AirlockHeldException.class)
                .hasMessageStartingWith("Airlock denied S3.DeleteBucket: it was NOT sent")
                .hasMessageContaining("session credentials");
    }

    @Test
    void aFailingScreenFallsBackToTheFullDecision() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, GateAnswer.proceed()) {
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
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, GateAnswer.proceed());

        check(gate, new UnreadableRequest());

        assertThat(gate.requests).containsExactly(Map.of());
    }

    @Test
    void aFailingGateDeniesTheCallAndNeverLetsItsOwnErrorEscape() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, null) {
            @Override
            public GateAnswer decide(String origin, String sdkService, String signingName, String operation,
                                     String region, String endpoint, Map<String, Object> request) {
                throw new OutOfMemoryError("simulated");
            }
        };

        Throwable thrown = catchThrowable(() -> check(gate, DELETE));

        assertThat(thrown).isInstanceOf(AirlockHeldException.class)
                .hasMessageStartingWith("Airlock denied S3.DeleteBucket: it was NOT sent")
                .hasMessageContaining("simulated");
        assertThat(((AirlockHeldException) thrown).outcome()).isEqualTo(GateAnswer.DENY);
    }

    @Test
    void aGateWithoutAnAnswerDeniesTheCall() {
        Gate gate = new Gate(CallGate.NEEDS_REQUEST, null);

        assertThat(catchThrowable(() -> check(gate, DELETE))).isInstanceOf(AirlockHeldException.class)
                .hasMessageContaining("no answer");
    }

    private static GateAnswer check(CallGate gate, SdkRequest request) {
        return SdkCallGuard.check(gate, "S3", "s3", "DeleteBucket", Region.US_EAST_1, ENDPOINT, request);
    }

    private static class Gate implements CallGate {

        final List<Map<String, Object>> requests = new ArrayList<>();
        private final int screen;
        private final GateAnswer answer;

        Gate(int screen, GateAnswer answer) {
            this.screen = screen;
            this.answer = answer;
        }

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return screen;
        }

        @Override
        public GateAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request) {
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

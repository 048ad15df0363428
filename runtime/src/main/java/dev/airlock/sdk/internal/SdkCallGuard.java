package dev.airlock.sdk.internal;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.bridge.SdkCallCheck;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The one path every guarded SDK call takes, whether the agent's advice or the library-mode interceptor saw it:
 * screen, and only when the gate asks for it, read the request and decide.
 *
 * <p>It never lets anything but {@link AirlockHeldException} escape into the host. Reads normally end at
 * {@link CallGate#screen} without allocating anything. When the request cannot be read, the gate decides on an
 * empty one (and fails closed on what changes state); when the gate itself fails, the call is denied.
 */
public final class SdkCallGuard {

    static final String ORIGIN = "sdk";

    /** SDK v2 requests as plain Java values; one instance, so the read path allocates nothing here. */
    private static final SdkCallCheck.RequestReader FIELDS = new Fields();

    private SdkCallGuard() {
    }

    /**
     * @param gate the gate to ask; null when Airlock is not active, and then the call goes as it is
     * @return the gate's answer when it was asked and lets the call proceed; null when the fast path let it
     *     through
     * @throws AirlockHeldException when the call must not be sent
     */
    public static GateAnswer check(CallGate gate, String sdkService, String signingName, String operation,
                                   Region region, URI endpoint, SdkRequest request) {
        GateAnswer answer = SdkCallCheck.ask(gate, ORIGIN, sdkService, signingName, operation, region, endpoint,
                request, FIELDS);
        if (answer == null || answer.proceeds()) {
            return answer;
        }
        throw new AirlockHeldException(answer.outcome(), answer.message(), answer.approvalId());
    }

    /** A class rather than a lambda: the hook is defined in the host's SDK loader, where indy bootstraps cost start. */
    private static final class Fields implements SdkCallCheck.RequestReader {
        @Override
        public java.util.Map<String, Object> fields(Object request) {
            return RequestFields.of((SdkRequest) request);
        }
    }
}

package dev.airlock.sdk.internal;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import java.util.Map;
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

    /**
     * True on a thread while the gate decides. A call the gate makes itself from that thread (a probe, a
     * credentials request) is Airlock's own and is not asked about again.
     */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

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
        if (gate == null) {
            return null;
        }
        int screened;
        try {
            screened = gate.screen(sdkService, signingName, operation);
        } catch (Throwable t) {
            screened = CallGate.NEEDS_REQUEST;
        }
        if (screened == CallGate.PROCEED || DECIDING.get() != null) {
            return null;
        }
        GateAnswer answer = decide(gate, sdkService, signingName, operation, region, endpoint, request);
        if (answer.proceeds() && answer.credentials() != null) {
            // Where per-action session credentials will be applied: the agent's hook by giving the call's
            // ClientExecutionParams a request whose override configuration carries them (SDK 2.47+), or the
            // signer's credentials attribute (2.21-2.46); the interceptor in modifyRequest. Until then a call the
            // gate wants signed with narrower credentials must not go out with the client's broader ones.
            answer = GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was "
                    + "NOT sent. Why: Airlock's policy wants it signed with per-action session credentials, which "
                    + "this Airlock SDK hook cannot apply. Next: ask the human you work for to update Airlock or to "
                    + "set credentials.mode to ambient; do not retry until then.", null);
        }
        if (answer.proceeds()) {
            return answer;
        }
        throw new AirlockHeldException(answer.outcome(), answer.message(), answer.approvalId());
    }

    private static GateAnswer decide(CallGate gate, String sdkService, String signingName, String operation,
                                     Region region, URI endpoint, SdkRequest request) {
        Map<String, Object> fields;
        try {
            fields = RequestFields.of(request);
        } catch (Throwable t) {
            fields = Map.of();
        }
        DECIDING.set(Boolean.TRUE);
        try {
            GateAnswer answer = gate.decide(ORIGIN, sdkService, signingName, operation, regionId(region),
                    endpointText(endpoint), fields);
            return answer != null ? answer : couldNotDecide(sdkService, operation, "the gate gave no answer");
        } catch (Throwable t) {
            return couldNotDecide(sdkService, operation, String.valueOf(t));
        } finally {
            DECIDING.remove();
        }
    }

    private static GateAnswer couldNotDecide(String sdkService, String operation, String problem) {
        return GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was NOT "
                + "sent. Why: Airlock could not decide this call (" + problem + "), and calls Airlock cannot decide "
                + "fail closed. Next: report this error to the human you work for; do not retry.", null);
    }

    private static String regionId(Region region) {
        try {
            return region == null ? null : region.id();
        } catch (Throwable t) {
            return null;
        }
    }

    private static String endpointText(URI endpoint) {
        try {
            return endpoint == null ? null : endpoint.toString();
        } catch (Throwable t) {
            return null;
        }
    }
}

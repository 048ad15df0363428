package dev.airlock.bridge;

import java.util.Map;

/**
 * The question every SDK hook asks its gate, the same for SDK v2 and v1: screen, and only when the gate wants
 * it, read the request and decide. Lives on the bridge so that each SDK's hook, in its own class loader, shares
 * one copy of the rules; the hooks only read their SDK's request and throw their SDK's exception.
 *
 * <p>Never throws. What cannot be read is decided as an empty request (the engine fails it closed when it
 * changes state); a gate that fails or gives no answer denies the call.
 */
public final class SdkCallCheck {

    /** Reads a request's fields as plain Java values. Implemented once per SDK, without per-call state. */
    public interface RequestReader {
        Map<String, Object> fields(Object request);
    }

    /**
     * True on a thread while the gate decides. A call the gate makes itself from that thread (a probe, a
     * credentials request) is Airlock's own and is not asked about again.
     */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

    private SdkCallCheck() {
    }

    /**
     * @param region the client's region (its {@code toString} is the region id), or null
     * @param endpoint the client's endpoint (its {@code toString} is sent), or null
     * @return null when the call may go as it is without the gate seeing its request (the read path, which
     *     allocates nothing here); otherwise the gate's answer, which may or may not proceed
     */
    public static GateAnswer ask(CallGate gate, String origin, String sdkService, String signingName,
                                 String operation, Object region, Object endpoint, Object request,
                                 RequestReader reader) {
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
        Map<String, Object> fields;
        try {
            fields = reader.fields(request);
        } catch (Throwable t) {
            fields = Map.of();
        }
        GateAnswer answer;
        DECIDING.set(Boolean.TRUE);
        try {
            answer = gate.decide(origin, sdkService, signingName, operation, text(region), text(endpoint), fields);
            if (answer == null) {
                answer = couldNotDecide(sdkService, operation, "the gate gave no answer");
            }
        } catch (Throwable t) {
            answer = couldNotDecide(sdkService, operation, String.valueOf(t));
        } finally {
            DECIDING.remove();
        }
        if (answer.proceeds() && answer.credentials() != null) {
            // Where per-action session credentials will be applied: the v2 hook through the request's override
            // configuration (SDK 2.47+) or the signer's credentials attribute (2.21-2.46), the interceptor in
            // modifyRequest. Until then a call the gate wants signed with narrower credentials must not go out
            // with the client's broader ones.
            return GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was "
                    + "NOT sent. Why: Airlock's policy wants it signed with per-action session credentials, which "
                    + "this Airlock SDK hook cannot apply. Next: ask the human you work for to update Airlock or to "
                    + "set credentials.mode to ambient; do not retry until then.", null);
        }
        return answer;
    }

    private static GateAnswer couldNotDecide(String sdkService, String operation, String problem) {
        return GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was NOT "
                + "sent. Why: Airlock could not decide this call (" + problem + "), and calls Airlock cannot decide "
                + "fail closed. Next: report this error to the human you work for; do not retry.", null);
    }

    private static String text(Object value) {
        try {
            return value == null ? null : value.toString();
        } catch (Throwable t) {
            return null;
        }
    }
}

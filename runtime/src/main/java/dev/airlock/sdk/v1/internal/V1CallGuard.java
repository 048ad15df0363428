package dev.airlock.sdk.v1.internal;

import com.amazonaws.AmazonWebServiceRequest;
import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.sdk.v1.AirlockHeldV1Exception;
import java.net.URI;
import java.util.Map;

/**
 * The path every guarded v1 call takes: screen, and only when the gate asks for it, read the request and decide.
 * Lets nothing but {@link AirlockHeldV1Exception} escape into the host.
 */
public final class V1CallGuard {

    static final String ORIGIN = "sdk-v1";

    /** True on a thread while the gate decides: a call the gate makes itself is Airlock's own. */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

    private V1CallGuard() {
    }

    /**
     * @throws AirlockHeldV1Exception when the call must not be sent
     */
    public static void check(CallGate gate, String service, String signingName, String operation, String region,
                             URI endpoint, AmazonWebServiceRequest request) {
        if (gate == null || DECIDING.get() != null) {
            return;
        }
        String sdkService = service == null ? "unknown" : service;
        String op = operation == null ? "Unknown" : operation;
        int screened;
        try {
            screened = gate.screen(sdkService, signingName, op);
        } catch (Throwable t) {
            screened = CallGate.NEEDS_REQUEST;
        }
        if (screened == CallGate.PROCEED) {
            return;
        }
        Map<String, Object> fields;
        try {
            fields = V1RequestFields.of(request);
        } catch (Throwable t) {
            fields = Map.of();
        }
        GateAnswer answer;
        DECIDING.set(Boolean.TRUE);
        try {
            answer = gate.decide(ORIGIN, sdkService, signingName, op, region,
                    endpoint == null ? null : endpoint.toString(), fields);
        } catch (Throwable t) {
            answer = null;
        } finally {
            DECIDING.remove();
        }
        if (answer == null) {
            throw new AirlockHeldV1Exception(GateAnswer.DENY, "Airlock denied " + sdkService + "." + op + ": it "
                    + "was NOT sent. Why: Airlock could not decide this call, and calls Airlock cannot decide fail "
                    + "closed. Next: report this error to the human you work for; do not retry.", null);
        }
        if (!answer.proceeds()) {
            throw new AirlockHeldV1Exception(answer.outcome(), answer.message(), answer.approvalId());
        }
    }
}

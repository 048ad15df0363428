package dev.airlock.sdk.v1.internal;

import com.amazonaws.AmazonWebServiceRequest;
import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.bridge.SdkCallCheck;
import dev.airlock.sdk.v1.AirlockHeldV1Exception;
import java.net.URI;

/**
 * The path every guarded v1 call takes: screen, and only when the gate asks for it, read the request and decide.
 * Lets nothing but {@link AirlockHeldV1Exception} escape into the host.
 */
public final class V1CallGuard {

    static final String ORIGIN = "sdk-v1";

    /** v1 requests as plain Java values; one instance, so the read path allocates nothing here. */
    private static final SdkCallCheck.RequestReader FIELDS = new Fields();

    private V1CallGuard() {
    }

    /**
     * @throws AirlockHeldV1Exception when the call must not be sent
     */
    public static void check(CallGate gate, String service, String signingName, String operation, String region,
                             URI endpoint, AmazonWebServiceRequest request) {
        GateAnswer answer = SdkCallCheck.ask(gate, ORIGIN, service == null ? "unknown" : service, signingName,
                operation == null ? "Unknown" : operation, region, endpoint, request, FIELDS);
        if (answer != null && !answer.proceeds()) {
            throw new AirlockHeldV1Exception(answer.outcome(), answer.message(), answer.approvalId());
        }
    }

    /** A class rather than a lambda: the hook is defined in the host's SDK loader, where indy bootstraps cost start. */
    private static final class Fields implements SdkCallCheck.RequestReader {
        @Override
        public java.util.Map<String, Object> fields(Object request) {
            return V1RequestFields.of((AmazonWebServiceRequest) request);
        }
    }
}

package dev.airlock.sdk.v1.internal;

import com.amazonaws.AmazonWebServiceRequest;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.AskGuard;
import dev.airlock.sdk.v1.AirlockDeniedV1Exception;
import dev.airlock.sdk.v1.AirlockHeldV1Exception;
import java.net.URI;

/**
 * The path every guarded v1 call takes: screen, and only when the guard asks for it, read the request and decide.
 * Lets nothing but {@link AirlockHeldV1Exception} and {@link AirlockDeniedV1Exception} escape into the host.
 */
public final class V1Enforcer {

    static final String ORIGIN = "sdk-v1";

    /** v1 requests as plain Java values; one instance, so the read path allocates nothing here. */
    private static final AskGuard.SdkAdapter SDK = new V1Sdk();

    private V1Enforcer() {
    }

    /**
     * @throws AirlockHeldV1Exception when the call waits for a human (or is a dry run)
     * @throws AirlockDeniedV1Exception when it is refused outright
     */
    public static void enforce(CallGuard guard, String service, String signingName, String operation,
                               String region, URI endpoint, AmazonWebServiceRequest request) {
        enforced(AskGuard.ask(guard, ORIGIN, service == null ? "unknown" : service, signingName,
                operation == null ? "Unknown" : operation, region, endpoint, request, null, SDK));
    }

    /** Asks the guard the agent installed; see {@link #enforce}. */
    public static void enforceInstalled(String service, String signingName, String operation, String region,
                                        URI endpoint, AmazonWebServiceRequest request) {
        enforced(AskGuard.askInstalled(ORIGIN, service == null ? "unknown" : service,
                signingName, operation == null ? "Unknown" : operation, region, endpoint, request, null, SDK));
    }

    private static void enforced(CallAnswer answer) {
        if (answer != null && !answer.proceeds()) {
            if (CallAnswer.DENY.equals(answer.outcome())) {
                throw new AirlockDeniedV1Exception(answer.message(), answer.approvalId());
            }
            throw new AirlockHeldV1Exception(answer.outcome(), answer.message(), answer.approvalId());
        }
    }

    /** A class rather than a lambda: the hook is defined in the host's SDK loader, where indy bootstraps cost start. */
    private static final class V1Sdk implements AskGuard.SdkAdapter {
        @Override
        public java.util.Map<String, Object> fields(Object request) {
            return V1RequestFields.of((AmazonWebServiceRequest) request);
        }
    }
}

package dev.airlock.sdk.internal;

import dev.airlock.bridge.AskGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.Refusal;
import dev.airlock.sdk.AirlockDeniedException;
import dev.airlock.sdk.AirlockHeldException;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * Applies the guard's answer to an SDK v2 call, whether the agent's hook or the library-mode interceptor saw it:
 * the call goes on, or fails before any byte is sent: with {@link AirlockHeldException} when it waits for a
 * human, with {@link AirlockDeniedException} when it is refused.
 *
 * <p>It never lets anything but those two escape into the host. Reads normally end at
 * {@link CallGuard#screen} without allocating anything.
 */
public final class V2Enforcer {

    static final String ORIGIN = "sdk";

    /** One instance, so the read path allocates nothing here. */
    private static final AskGuard.SdkAdapter SDK = new V2Sdk();

    private V2Enforcer() {
    }

    /** Asks the guard the agent installed; see {@link #enforce}. */
    public static CallAnswer enforceInstalled(String sdkService, String signingName, String operation, Region region,
                                              URI endpoint, SdkRequest request, Object clientConfig) {
        return enforced(AskGuard.askInstalled(ORIGIN, sdkService, signingName, operation,
                region, endpoint, request, clientConfig, SDK));
    }

    /**
     * @param guard the guard to ask; null when Airlock is not active, and then the call goes as it is
     * @param clientConfig the client's {@code SdkClientConfiguration}, for blast-radius probes; may be null
     * @return the guard's answer when it was asked and lets the call proceed; null when the fast path let it
     *     through
     * @throws AirlockHeldException when the call waits for a human (or is a dry run)
     * @throws AirlockDeniedException when it is refused outright
     */
    public static CallAnswer enforce(CallGuard guard, String sdkService, String signingName, String operation,
                                     Region region, URI endpoint, SdkRequest request, Object clientConfig) {
        return enforced(AskGuard.ask(guard, ORIGIN, sdkService, signingName, operation,
                region, endpoint, request, clientConfig, SDK));
    }

    private static CallAnswer enforced(CallAnswer answer) {
        if (answer == null) {
            return null;
        }
        if (answer.proceeds()) {
            return answer;
        }
        throw stopped(answer.outcome(), answer.message(), answer.approvalId());
    }

    /** What the host sees of a call that is not sent: held (it waits for a human) or denied (it will not go). */
    public static SdkClientException stopped(String outcome, String message, String approvalId) {
        return CallAnswer.DENY.equals(outcome) ? new AirlockDeniedException(message, approvalId)
                : new AirlockHeldException(outcome, message, approvalId);
    }

    /**
     * {@code request} signed with the session of {@code answer}, or {@code request} itself when the answer keeps
     * the client's credentials.
     *
     * @throws AirlockDeniedException when the answer wants a session this request cannot carry: it must never go
     *     out with the client's broader credentials
     */
    public static SdkRequest signedAsAnswered(CallAnswer answer, SdkRequest request, String sdkService,
                                              String operation) {
        if (answer == null || answer.credentials() == null) {
            return request;
        }
        SdkRequest signed = null;
        try {
            signed = SessionSigning.withSession(request, answer.credentials());
        } catch (Throwable t) {
            // Refused below.
        }
        if (signed == null) {
            throw new AirlockDeniedException(Refusal.denied(sdkService + "." + operation,
                    "Airlock's policy wants it signed with a per-action session, which this request cannot carry",
                    Refusal.REPORT_ERROR), null);
        }
        return signed;
    }

    /** A class rather than a lambda: the hook is defined in the host's SDK loader, where indy bootstraps cost start. */
    private static final class V2Sdk implements AskGuard.SdkAdapter {
        @Override
        public Map<String, Object> fields(Object request) {
            return RequestFields.of((SdkRequest) request);
        }

        @Override
        public ProbeChannel probes(Object clientConfig, Object request) {
            return clientConfig instanceof SdkClientConfiguration && request instanceof SdkRequest
                    ? new HostProbeChannel((SdkClientConfiguration) clientConfig, request.getClass()) : null;
        }

        @Override
        public boolean signsWithSessions() {
            return true;
        }
    }
}

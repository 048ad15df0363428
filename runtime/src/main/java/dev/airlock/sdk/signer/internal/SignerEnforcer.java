package dev.airlock.sdk.signer.internal;

import dev.airlock.bridge.AirlockBridge;
import dev.airlock.bridge.AskGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.sdk.AirlockDeniedException;
import dev.airlock.sdk.AirlockHeldException;
import dev.airlock.sdk.internal.V2Enforcer;
import java.util.Map;

/**
 * Decides a request signed outside the client pipeline with the same guard, policy, gates and audit as a client
 * call ({@link AskGuard}), and refuses it as the pipeline's enforcer does: with {@link AirlockHeldException} (or
 * {@link AirlockDeniedException} when it is refused outright) thrown from the signer, so the request is never
 * signed and so never sent.
 */
final class SignerEnforcer {

    /** The origin of these calls in decisions and the audit. */
    static final String ORIGIN = "sdk-signer";

    private static final AskGuard.SdkAdapter FIELDS_AS_READ = new FieldsAsRead();

    private SignerEnforcer() {
    }

    /** False when Airlock does not guard this JVM, or when the client pipeline is signing a call it decided. */
    static boolean mayDecide() {
        return AirlockBridge.guarding() && !PipelineSigning.insidePipeline();
    }

    static SigningAttempt sra(Object signRequest) {
        try {
            return SraSignRequests.read(signRequest);
        } catch (Throwable t) {
            return null;
        }
    }

    static SigningAttempt legacy(Object request, Object requestParams) {
        try {
            return LegacySignRequests.read(request, requestParams);
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * @param attempt what the signer was asked to sign; null when it could not be read, and then the request is
     *     decided as an unknown call, which is held
     * @throws AirlockHeldException when the request waits for a human
     * @throws AirlockDeniedException when it is refused outright
     */
    static void enforce(SigningAttempt attempt) {
        SignedCall call;
        try {
            call = attempt == null ? null : SignedRequestReader.read(attempt.http, attempt.signingName);
        } catch (Throwable t) {
            call = null;
        }
        if (call == null) {
            call = new SignedCall(attempt != null && attempt.signingName != null ? attempt.signingName : "unknown",
                    SignedCall.UNRECOGNIZED, SignedRequestReader.cut());
        }
        CallAnswer answer = AskGuard.askInstalled(ORIGIN, call.service, call.service, call.operation,
                attempt == null ? null : attempt.region, attempt == null ? null : attempt.endpoint, call.fields,
                null, FIELDS_AS_READ);
        if (answer != null && !answer.proceeds()) {
            throw V2Enforcer.stopped(answer.outcome(), answer.message(), answer.approvalId());
        }
    }

    /** The fields are read before the guard is asked; a signed request offers no probe channel and takes no session. */
    private static final class FieldsAsRead implements AskGuard.SdkAdapter {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> fields(Object request) {
            return (Map<String, Object>) request;
        }
    }
}

package dev.airlock.bridge;

import java.util.Map;

/**
 * The question every SDK hook asks, the same for SDK v2 and v1: screen, and only when the guard wants it, read
 * the request and decide. Lives on the bridge so that each SDK's hook, in its own class loader, shares one copy
 * of the rules; the hooks only read their SDK's request and enforce the answer in their SDK.
 *
 * <p>Never throws. What cannot be read is decided as an empty request (the engine fails it closed when it
 * changes state); a guard that fails or gives no answer denies the call. Airlock's own calls ({@link OwnCalls})
 * pass without being asked about.
 */
public final class AskGuard {

    /** What a hook knows of its SDK. Implemented once per SDK, without per-call state. */
    public interface SdkAdapter {

        /** The request's fields as plain Java values. */
        Map<String, Object> fields(Object request);

        /** A read-only channel to the calling client, or null when this SDK offers none. Called only to decide. */
        default ProbeChannel probes(Object clientConfig, Object request) {
            return null;
        }

        /**
         * True when this SDK's enforcer signs a call with the session credentials an answer carries; false (then
         * a call that wants a session is denied) unless the hook can.
         */
        default boolean signsWithSessions() {
            return false;
        }
    }

    private AskGuard() {
    }

    /** Asks the guard the agent installed on the bridge; null when there is none. */
    public static CallAnswer askInstalled(String origin, String sdkService, String signingName, String operation,
                                          Object region, Object endpoint, Object request, Object clientConfig,
                                          SdkAdapter sdk) {
        return ask(AirlockBridge.guardToAsk(), origin, sdkService, signingName, operation, region, endpoint,
                request, clientConfig, sdk);
    }

    /**
     * @param guard the guard to ask; null when Airlock is not active, and then the call goes as it is
     * @param region the client's region (its {@code toString} is the region id), or null
     * @param endpoint the client's endpoint (its {@code toString} is sent), or null
     * @param clientConfig the client's configuration, for a probe channel; may be null
     * @return null when the call may go as it is without the guard seeing its request (the read path, which
     *     allocates nothing here); otherwise the guard's answer, which may or may not proceed
     */
    public static CallAnswer ask(CallGuard guard, String origin, String sdkService, String signingName,
                                 String operation, Object region, Object endpoint, Object request,
                                 Object clientConfig, SdkAdapter sdk) {
        if (guard == null || OwnCalls.belongTo(guard)) {
            return null;
        }
        int screened;
        try {
            screened = guard.screen(sdkService, signingName, operation);
        } catch (Throwable t) {
            screened = CallGuard.NEEDS_REQUEST;
        }
        if (screened == CallGuard.PROCEED) {
            return null;
        }
        Map<String, Object> fields;
        ProbeChannel probes = null;
        try {
            fields = sdk.fields(request);
        } catch (Throwable t) {
            fields = Map.of();
        }
        try {
            probes = sdk.probes(clientConfig, request);
        } catch (Throwable t) {
            // The plan then says it could not probe; the call is still decided.
        }
        CallAnswer answer;
        // A call the guard makes itself while it decides (on this thread) is its own and is not asked about.
        CallGuard previous = OwnCalls.enter(guard);
        try {
            answer = guard.decide(origin, sdkService, signingName, operation, text(region), text(endpoint), fields,
                    probes);
            if (answer == null) {
                answer = couldNotDecide(sdkService, operation, "the guard gave no answer");
            }
        } catch (Throwable t) {
            answer = couldNotDecide(sdkService, operation, String.valueOf(t));
        } finally {
            OwnCalls.leave(previous);
        }
        if (answer.proceeds() && answer.credentials() != null && !sdk.signsWithSessions()) {
            // Never sent with the client's broader credentials when the guard wants a per-action session.
            answer = CallAnswer.stop(CallAnswer.DENY, Refusal.denied(sdkService + "." + operation,
                    "Airlock's policy wants it signed with per-action session credentials, which this SDK's hook "
                            + "cannot apply", "ask the human you work for to set credentials.mode to ambient for "
                            + "this tool, or to update Airlock; do not retry until then."), null);
        }
        return answer;
    }

    private static CallAnswer couldNotDecide(String sdkService, String operation, String problem) {
        return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(sdkService + "." + operation,
                "Airlock could not decide this call (" + problem + "), and calls Airlock cannot decide fail closed",
                Refusal.REPORT_ERROR), null);
    }

    private static String text(Object value) {
        try {
            return value == null ? null : value.toString();
        } catch (Throwable t) {
            return null;
        }
    }
}

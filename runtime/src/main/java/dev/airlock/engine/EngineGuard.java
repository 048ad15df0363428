package dev.airlock.engine;

import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.Refusal;
import dev.airlock.bridge.TamperWitness;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.gate.Verdict;
import java.util.Map;

/**
 * The engine as the SDK hooks see it across the bridge: names and plain values in, a {@link CallAnswer} out. The
 * fast path goes straight to the engine's screen; everything else is built into a {@link Call} and decided.
 */
final class EngineGuard implements CallGuard, TamperWitness {

    private final Engine engine;

    EngineGuard(Engine engine) {
        this.engine = engine;
    }

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        return engine.screen(sdkService, signingName, operation) ? PROCEED : NEEDS_REQUEST;
    }

    @Override
    public CallAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request, ProbeChannel probes) {
        engine.awaitRequesterIdentity();
        Call call;
        try {
            PolicyHolder.FastEntry settled = engine.settledOperation(sdkService, signingName, operation);
            call = settled == null
                    ? engine.sdkCalls().toCall(origin, sdkService, signingName, operation, region, endpoint, request,
                            probes)
                    : engine.sdkCalls().toCall(origin, settled.servicePrefix(), settled.operation(), operation, region,
                            endpoint, request, probes);
        } catch (Throwable t) {
            return failedToRead(sdkService, signingName, operation, t);
        }
        if (call.classification() != Classification.READ) {
            // Scans the system properties: worth it before what changes state, not before every brokered read.
            engine.recordSettingChanges();
        }
        Verdict verdict = engine.decide(call);
        if (verdict.proceeds()) {
            return verdict.credentials() == null ? CallAnswer.proceed() : CallAnswer.proceedWith(verdict.credentials());
        }
        return CallAnswer.stop(verdict.outcome().name(), verdict.messageFor(call), verdict.approvalId());
    }

    @Override
    public void tamperRefused(String attempt) {
        engine.recordTamper(attempt);
    }

    private CallAnswer failedToRead(String sdkService, String signingName, String operation, Throwable t) {
        Classification c = FailClosedGuard.classifyOrAssumeDestructive(engine.catalog(), sdkService, signingName,
                operation);
        if (c == Classification.READ && engine.config().readsFailOpen()) {
            return CallAnswer.proceed();
        }
        return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(FailClosedGuard.actionOf(engine.catalog(), sdkService,
                signingName, operation), "Airlock could not "
                + "read this request (" + t + "), and calls that change state fail closed", Refusal.REPORT_ERROR),
                null);
    }
}

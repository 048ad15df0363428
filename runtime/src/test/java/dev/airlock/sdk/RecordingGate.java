package dev.airlock.sdk;

import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gate that lets everything through and remembers what it was asked. */
class RecordingGate implements CallGate {

    record Decision(String origin, String service, String signingName, String operation, String region,
                    String endpoint, Map<String, Object> request) {
    }

    final List<String> screened = new CopyOnWriteArrayList<>();
    final List<Decision> decided = new CopyOnWriteArrayList<>();

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        screened.add(sdkService + "." + operation);
        return NEEDS_REQUEST;
    }

    @Override
    public GateAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request) {
        decided.add(new Decision(origin, sdkService, signingName, operation, region, endpoint, request));
        return GateAnswer.proceed();
    }
}

package dev.airlock.sdk;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.CallAnswer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gate that lets everything through and remembers what it was asked. */
class RecordingGuard implements CallGuard {

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
    public CallAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request, ProbeChannel probes) {
        decided.add(new Decision(origin, sdkService, signingName, operation, region, endpoint, request));
        return CallAnswer.proceed();
    }
}

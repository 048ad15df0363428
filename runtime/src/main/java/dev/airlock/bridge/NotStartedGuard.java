package dev.airlock.bridge;

import java.util.Map;

/**
 * What the hooks ask while Airlock was meant to guard the JVM but has no engine: the start failed, or has not
 * finished in time. The runtime's catalog is not at hand here, so reads are told by their verb alone; whatever
 * is not plainly a read is refused with the reason, so nothing that changes state goes out unguarded.
 */
final class NotStartedGuard implements CallGuard {

    private static final String[] READ_VERBS = {"Get", "List", "Describe", "Head", "BatchGet", "Query", "Scan",
        "Search", "Lookup", "Select", "Check", "Validate", "Estimate", "Preview", "Simulate", "Test", "View"};

    private final String problem;

    NotStartedGuard(String problem) {
        this.problem = problem;
    }

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        return isRead(operation) ? PROCEED : NEEDS_REQUEST;
    }

    @Override
    public CallAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request, ProbeChannel probes) {
        if (isRead(operation)) {
            return CallAnswer.proceed();
        }
        return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(String.valueOf(sdkService) + "." + operation,
                problem + ", and until Airlock guards this JVM calls that change state fail closed",
                "ask the human you work for to look at why Airlock could not start; do not retry until then."),
                null);
    }

    static boolean isRead(String operation) {
        if (operation == null) {
            return false;
        }
        for (String verb : READ_VERBS) {
            if (operation.startsWith(verb) && (operation.length() == verb.length()
                    || Character.isUpperCase(operation.charAt(verb.length())))) {
                return true;
            }
        }
        return false;
    }
}

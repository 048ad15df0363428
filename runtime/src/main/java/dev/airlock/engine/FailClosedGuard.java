package dev.airlock.engine;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.Refusal;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import java.util.Map;

/** What guards the JVM when the engine cannot start: reads pass, everything else is refused with the cause. */
final class FailClosedGuard implements CallGuard {

    private final ActionCatalog catalog;
    private final String problem;

    FailClosedGuard(ActionCatalog catalog, String problem) {
        this.catalog = catalog;
        this.problem = problem;
    }

    /** Why the engine could not start. */
    String problem() {
        return problem;
    }

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        return classify(sdkService, signingName, operation) == Classification.READ ? PROCEED : NEEDS_REQUEST;
    }

    @Override
    public CallAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request, ProbeChannel probes) {
        if (classify(sdkService, signingName, operation) == Classification.READ) {
            return CallAnswer.proceed();
        }
        return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(actionOf(catalog, sdkService, signingName, operation),
                problem,
                "ask the human you work for to fix the Airlock configuration; do not retry until then."), null);
    }

    private Classification classify(String sdkService, String signingName, String operation) {
        return classifyOrAssumeDestructive(catalog, sdkService, signingName, operation);
    }

    /** The IAM action users know ({@code s3:DeleteBucket}), or the SDK's names when even that cannot be told. */
    static String actionOf(ActionCatalog catalog, String sdkService, String signingName, String operation) {
        try {
            return catalog.operation(catalog.servicePrefix(sdkService, signingName), operation).action();
        } catch (Throwable t) {
            return sdkService + "." + operation;
        }
    }

    /** The operation's classification; DESTRUCTIVE when even that cannot be told, so that it fails closed. */
    static Classification classifyOrAssumeDestructive(ActionCatalog catalog, String sdkService, String signingName,
                                                      String operation) {
        try {
            return catalog.operation(catalog.servicePrefix(sdkService, signingName), operation).classification();
        } catch (Throwable t) {
            return Classification.DESTRUCTIVE;
        }
    }
}

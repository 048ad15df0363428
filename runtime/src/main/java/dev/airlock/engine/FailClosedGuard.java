package dev.airlock.engine;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.bridge.Refusal;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import java.util.Map;

/**
 * What guards the JVM when the engine cannot start: reads pass, everything else is refused with the cause and
 * recorded in the audit.
 */
final class FailClosedGuard implements CallGuard {

    private final ActionCatalog catalog;
    private final String problem;
    private final AuditLog audit;

    FailClosedGuard(ActionCatalog catalog, String problem) {
        this(catalog, problem, AuditLog.discard());
    }

    /** @param audit where each refusal is recorded */
    FailClosedGuard(ActionCatalog catalog, String problem, AuditLog audit) {
        this.catalog = catalog;
        this.problem = problem;
        this.audit = audit;
    }

    AuditLog audit() {
        return audit;
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
        String action = actionOf(catalog, sdkService, signingName, operation);
        try {
            audit.record(new AuditRecord(System.currentTimeMillis(), serviceOf(sdkService, signingName), operation,
                    action, classify(sdkService, signingName, operation), "-", "-", "DENY", problem, null, 0, null));
        } catch (RuntimeException | LinkageError e) {
            // The refusal stands whether or not it could be written down.
        }
        return CallAnswer.stop(CallAnswer.DENY, Refusal.denied(action, problem,
                "ask the human you work for to fix the Airlock configuration; do not retry until then."), null);
    }

    private String serviceOf(String sdkService, String signingName) {
        try {
            return catalog.servicePrefix(sdkService, signingName);
        } catch (Throwable t) {
            return sdkService;
        }
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

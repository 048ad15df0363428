package dev.airlock.engine;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current policy and, with it, the fast-path answers computed from it. Swapped as one unit, so a fast
 * answer never outlives the policy it came from.
 */
final class PolicyHolder {

    /**
     * A settled operation, with the signing name and service prefix it was settled under; {@code decision} is
     * non-null only when a read may proceed without its request.
     */
    record FastEntry(String signingName, String servicePrefix, Operation operation, PolicyDecision decision) {

        /** True when this entry was settled for a client of this signing name, so its operation is the call's. */
        boolean settledFor(String signing) {
            return java.util.Objects.equals(signingName, signing);
        }
    }

    private record Snapshot(Policy policy,
                            ConcurrentHashMap<String, ConcurrentHashMap<String, FastEntry>> bySdkService) {
    }

    private final ActionCatalog catalog;
    private final PolicyContext context;
    private volatile Snapshot snapshot;

    PolicyHolder(Policy initial, ActionCatalog catalog, PolicyContext context) {
        this.catalog = catalog;
        this.context = context;
        this.snapshot = new Snapshot(initial, new ConcurrentHashMap<>());
    }

    Policy current() {
        return snapshot.policy();
    }

    void swap(Policy next) {
        snapshot = new Snapshot(next, new ConcurrentHashMap<>());
    }

    /** Two map look-ups on the hot path; the entry is computed once per operation and policy. */
    FastEntry fastEntry(String sdkService, String signingName, String operation) {
        Snapshot s = snapshot;
        ConcurrentHashMap<String, FastEntry> ops = s.bySdkService().get(sdkService);
        if (ops != null) {
            FastEntry e = ops.get(operation);
            if (e != null) {
                return e;
            }
        }
        return s.bySdkService().computeIfAbsent(sdkService, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, op -> settle(s.policy(), sdkService, signingName, op));
    }

    private FastEntry settle(Policy policy, String sdkService, String signingName, String operation) {
        String prefix = catalog.servicePrefix(sdkService, signingName);
        Operation op = catalog.operation(prefix, operation);
        if (op.classification() != Classification.READ || op.actions().size() != 1) {
            return new FastEntry(signingName, prefix, op, null);
        }
        PolicyDecision d = policy.decideStatically(op.action(), Classification.READ, context);
        boolean unseen = d != null && d.effect() == Effect.ALLOW && d.budgets().isEmpty();
        return new FastEntry(signingName, prefix, op, unseen ? d : null);
    }
}

package dev.airlock.audit;

import java.util.List;

/** {@code audit.enabled: false}: keeps nothing, and still never throws. */
class DiscardAuditLogContractTest extends AuditLogContract {

    @Override
    protected AuditLog open() {
        return AuditLog.discard();
    }

    @Override
    protected List<String> keptOperations() {
        return null;
    }
}

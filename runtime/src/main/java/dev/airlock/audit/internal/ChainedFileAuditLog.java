package dev.airlock.audit.internal;

import dev.airlock.audit.AuditLog;
import dev.airlock.call.Requester;
import java.nio.file.Path;

/** PLACEHOLDER. */
public final class ChainedFileAuditLog {

    public static AuditLog open(Path file, Requester requester) {
        return DiscardAuditLog.INSTANCE;
    }
}

package dev.airlock.audit.internal;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import java.nio.file.Path;

/** Keeps nothing. */
public final class DiscardAuditLog implements AuditLog {

    public static final DiscardAuditLog INSTANCE = new DiscardAuditLog();

    @Override
    public void record(AuditRecord record) {
    }

    @Override
    public void flush() {
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public void close() {
    }
}

package dev.airlock.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log for tests: keeps every record in memory, in order. */
public final class RecordingAuditLog implements AuditLog {

    public final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditRecord record) {
        records.add(record);
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

package dev.airlock.approval.internal;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last decisions this process made, for the approvers of the next held call: it sees every record on its way
 * to the audit log. Lock-free, and on the read path it only stores a reference; text is made when a request is
 * filed.
 */
public final class RecentCalls {

    private static final int SIZE = 16;

    private final AtomicReferenceArray<AuditRecord> ring = new AtomicReferenceArray<>(SIZE);
    private final AtomicLong next = new AtomicLong();

    /** An audit log that tells this ring of each record, then passes it on. */
    public AuditLog watching(AuditLog log) {
        return new AuditLog() {
            @Override
            public void record(AuditRecord record) {
                ring.lazySet((int) (next.getAndIncrement() & (SIZE - 1)), record);
                log.record(record);
            }

            @Override
            public void flush() {
                log.flush();
            }

            @Override
            public Path file() {
                return log.file();
            }

            @Override
            public void close() {
                log.close();
            }
        };
    }

    /** Up to {@code max} of the latest decisions, oldest first, one line each. */
    public List<String> last(int max) {
        long end = next.get();
        List<String> out = new ArrayList<>(max);
        for (long i = Math.max(0, end - Math.min(max, SIZE)); i < end; i++) {
            AuditRecord r = ring.get((int) (i & (SIZE - 1)));
            if (r != null) {
                out.add(line(r));
            }
        }
        return out;
    }

    private static String line(AuditRecord r) {
        String on = r.call() == null ? "" : " " + String.join(", ", r.call().resources());
        return Instant.ofEpochMilli(r.epochMillis()) + " " + r.action() + on + " -> " + r.verdict()
                + (r.approvalId() == null ? "" : " (" + r.approvalId() + ")");
    }
}

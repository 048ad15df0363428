package dev.airlock.audit;

import dev.airlock.call.Requester;
import java.nio.file.Path;

/**
 * One JSON line per decision, chained with SHA-256 so that deleting or editing any record is detected
 * ({@code airlock audit verify FILE}). {@link #record} only enqueues: a background writer formats and appends,
 * and flushes often enough that {@code kill -9} loses at most about the last 100 ms.
 */
public interface AuditLog extends AutoCloseable {

    /** A log appending to {@code file}, continuing its chain if it exists. Safe for several processes at once. */
    static AuditLog toFile(Path file, Requester requester) {
        return dev.airlock.audit.internal.ChainedFileAuditLog.open(file, requester);
    }

    /**
     * As {@link #toFile(Path, Requester)}, with the chain's head countersigned by the approval service at
     * {@code approvalServiceUrl} (none when null) at each approval event and at least every minute, from the
     * writer's thread: the service being down never slows or fails a call.
     */
    static AuditLog toFile(Path file, Requester requester, String approvalServiceUrl) {
        return dev.airlock.audit.internal.ChainedFileAuditLog.open(file, requester, approvalServiceUrl);
    }

    /** A log that keeps nothing (audit disabled). */
    static AuditLog discard() {
        return dev.airlock.audit.internal.DiscardAuditLog.INSTANCE;
    }

    /** Enqueues a record. Lock-free and allocation-free beyond the record; never blocks a read. */
    void record(AuditRecord record);

    /** Blocks until everything recorded so far is written (bounded wait). */
    void flush();

    /** The file written, or null. */
    Path file();

    @Override
    void close();
}

package dev.airlock.engine;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Requester;
import java.nio.file.Path;

/**
 * The audit of a JVM whose engine could not start: only what was refused is recorded, in the configured audit
 * file, or in the default one when the configuration is too broken to say where. The file is opened at the first
 * refusal, not at start: a JVM that only reads never writes it. The log closes itself when the JVM exits.
 */
final class RefusalTrail implements AuditLog {

    private final Path file;
    private final String note;
    private AuditLog log;
    private boolean failed;

    /**
     * @param file where to write; null when the configuration turned the audit off
     * @param note said in each record's reason, why this file; null when it is the configured one
     */
    RefusalTrail(Path file, String note) {
        this.file = file;
        this.note = note;
    }

    /** Why this file and not the configured one; null when it is the configured one. */
    String note() {
        return note;
    }

    /** Where the refusals go, or null for nowhere. */
    Path where() {
        return file;
    }

    @Override
    public void record(AuditRecord r) {
        AuditLog to = open();
        if (to != null && r != null) {
            to.record(note == null ? r : new AuditRecord(r.epochMillis(), r.service(), r.operation(), r.action(),
                    r.classification(), r.statement(), r.effect(), r.verdict(), r.reason() + " (" + note + ")",
                    r.approvalId(), r.latencyNanos(), r.call(), r.plan()));
        }
    }

    private synchronized AuditLog open() {
        if (log == null && !failed && file != null) {
            try {
                log = AuditLog.toFile(file, Requester.ofThisProcess("airlock"));
            } catch (RuntimeException e) {
                failed = true;
                System.err.println("[airlock] ERROR: refusals cannot be audited either: " + e.getMessage());
            }
        }
        return log;
    }

    @Override
    public synchronized void flush() {
        if (log != null) {
            log.flush();
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (log != null) {
            log.close();
        }
    }
}

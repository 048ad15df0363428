package dev.airlock.audit.internal;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of one process: callers enqueue, the daemon thread {@code airlock-audit} formats and appends.
 *
 * <p>{@link #record} is the hot path of every read: one offer to a bounded lock-free queue, nothing else. When
 * the queue is full the record is dropped and counted, so the host never waits for a disk; the writer then puts
 * a {@code gap} record on the chain saying how many were lost. A record of a call that was stopped or that changes
 * state may wait a few milliseconds for room first.
 *
 * <p>The writer wakes every {@value #WRITE_INTERVAL_MILLIS} ms, so a {@code kill -9} loses at most about that
 * much: what was written is in the OS's hands.
 */
public final class ChainedFileAuditLog implements AuditLog {

    static final long WRITE_INTERVAL_MILLIS = 25;
    private static final int QUEUE_CAPACITY = 16_384;
    private static final long CALL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long FLUSH_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final ChainedAuditFile file;
    private final Requester requester;
    /** The atomic variant: the Unsafe-based one makes JDK 24+ print a warning on the host's stderr. */
    private final MpscAtomicArrayQueue<AuditRecord> queue;
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedWriteFailed = new AtomicLong();
    private final AtomicLong flushRequested = new AtomicLong();
    private volatile long flushDone;
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread writer;
    private final Thread shutdownHook;
    /** Null where no approval service is configured. */
    private final HeadWitnessClient witness;

    // Writer thread only.
    /** Made by the writer as it starts, so that the host's thread never loads the JSON machinery. */
    private RecordFormat format;
    private final List<AuditRecord> batch = new ArrayList<>();
    private ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
    private boolean writeFailing;
    private boolean approvalEventWritten;

    private ChainedFileAuditLog(ChainedAuditFile file, Requester requester, int capacity, String witnessUrl) {
        this.file = file;
        this.witness = witnessUrl == null || witnessUrl.isBlank() ? null
                : new HeadWitnessClient(witnessUrl, () -> dev.airlock.audit.AuditChain.chainId(requester.host(),
                        file.path()));
        this.requester = requester;
        this.queue = new MpscAtomicArrayQueue<>(capacity);
        this.writer = new Thread(this::writeUntilClosed, "airlock-audit");
        this.writer.setDaemon(true);
        this.shutdownHook = new Thread(this::close, "airlock-audit-close");
    }

    /**
     * Opens (or creates, with its directories) the audit file and starts the writer.
     *
     * @throws UncheckedIOException when the file cannot be opened for writing
     */
    public static AuditLog open(Path file, Requester requester) {
        return open(file, requester, QUEUE_CAPACITY, null);
    }

    /**
     * As {@link #open(Path, Requester)}, and has the chain's head countersigned by the approval service at
     * {@code witnessUrl} at each approval event and at least every minute.
     */
    public static AuditLog open(Path file, Requester requester, String witnessUrl) {
        return open(file, requester, QUEUE_CAPACITY, witnessUrl);
    }

    static ChainedFileAuditLog open(Path file, Requester requester, int capacity) {
        return open(file, requester, capacity, null);
    }

    static ChainedFileAuditLog open(Path file, Requester requester, int capacity, String witnessUrl) {
        ChainedAuditFile chained;
        try {
            chained = ChainedAuditFile.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit file " + file + ": " + e, e);
        }
        ChainedFileAuditLog log = new ChainedFileAuditLog(chained, requester, capacity, witnessUrl);
        log.writer.start();
        try {
            // Without it, a host that exits without closing would lose the last interval's records.
            Runtime.getRuntime().addShutdownHook(log.shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Then whoever shuts down closes it, or the last records go; nothing better is possible.
        }
        return log;
    }

    @Override
    public void record(AuditRecord record) {
        if (record == null || queue.offer(record)) {
            return;
        }
        if (worthWaitingFor(record) && !closed.get() && waitForRoom(record)) {
            return;
        }
        droppedQueueFull.incrementAndGet();
    }

    /**
     * A decision that stops a call, or lets one through that changes state, is rare and worth a short wait. A
     * read that proceeds never waits, whether the fast path or a full decision let it through: a flood of reads
     * must not slow the host to the writer's pace.
     */
    private static boolean worthWaitingFor(AuditRecord record) {
        return record.call() != null
                && !(record.classification() == Classification.READ && "PROCEED".equals(record.verdict()));
    }

    /** Waits a few milliseconds for room in the queue. */
    private boolean waitForRoom(AuditRecord record) {
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + CALL_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
            if (queue.offer(record)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {
        if (!running || Thread.currentThread() == writer) {
            return;
        }
        long ticket = flushRequested.incrementAndGet();
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + FLUSH_WAIT_NANOS;
        while (flushDone < ticket && running && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
    }

    @Override
    public Path file() {
        return file.path();
    }

    /** How many records were dropped because the queue was full or a write failed, since the last gap record. */
    long pendingGap() {
        return droppedQueueFull.get() + droppedWriteFailed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            if (Thread.currentThread() != writer) {
                joinWriter();
            }
            return;
        }
        running = false;
        LockSupport.unpark(writer);
        joinWriter();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException shuttingDown) {
            // Running in, or after, shutdown: nothing to remove.
        }
    }

    private void joinWriter() {
        try {
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        try {
            try {
                format = new RecordFormat(requester);
            } catch (RuntimeException | LinkageError e) {
                // tried again with the first batch, where a failure is counted
            }
            while (running) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(WRITE_INTERVAL_MILLIS));
                Thread.interrupted(); // an interrupt from the host must not turn the wait into a busy loop
                long ticket = flushRequested.get();
                writeBatch();
                flushDone = ticket;
                anchor();
            }
            writeBatch(); // everything recorded before close
            flushDone = flushRequested.get();
            if (witness != null) {
                witness.close(file.end());
            }
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                Log.LOG.debug("closing the audit file", e);
            }
        }
    }

    /** Offers the head to the witness; never lets the witness stop the writer. */
    private void anchor() {
        if (witness == null) {
            return;
        }
        try {
            witness.tick(file.end(), approvalEventWritten, System.currentTimeMillis());
        } catch (RuntimeException | LinkageError e) {
            Log.LOG.debug("countersigning the audit head", e);
        } finally {
            approvalEventWritten = false;
        }
    }

    /** Drains the queue and appends it, after a gap record if anything was lost since the last batch. */
    private void writeBatch() {
        try {
            batch.clear();
            AuditRecord r;
            // poll, not relaxedPoll: it waits out an offer in progress, so flush() sees every completed record.
            while ((r = queue.poll()) != null) {
                batch.add(r);
            }
            long queueFull = droppedQueueFull.getAndSet(0);
            long writeFailed = droppedWriteFailed.getAndSet(0);
            if (batch.isEmpty() && queueFull + writeFailed == 0) {
                return;
            }
            try {
                file.append((end, sink) -> formatBatch(end, sink, queueFull, writeFailed), out);
                for (AuditRecord written : batch) {
                    approvalEventWritten |= written.approvalId() != null;
                }
                if (writeFailing) {
                    Log.LOG.warn("Airlock writes the audit file {} again", file.path());
                    writeFailing = false;
                }
            } catch (IOException | RuntimeException e) {
                droppedWriteFailed.addAndGet(batch.size() + queueFull + writeFailed);
                if (!writeFailing) {
                    Log.LOG.warn("Airlock could not write the audit file {}: {}; records are counted as lost until "
                            + "it can", file.path(), e.toString());
                    writeFailing = true;
                }
            }
        } catch (Throwable t) {
            // The writer must outlive anything a record can do to it.
            droppedWriteFailed.addAndGet(batch.size());
            Log.LOG.warn("Airlock's audit writer hit an unexpected error", t);
        } finally {
            batch.clear();
            if (out.size() > (4 << 20)) {
                out = new ByteArrayOutputStream(64 << 10); // let one huge batch's buffer go
            }
        }
    }

    private ChainLink formatBatch(ChainLink end, ByteArrayOutputStream sink, long queueFull, long writeFailed)
            throws IOException {
        if (format == null) {
            format = new RecordFormat(requester);
        }
        if (queueFull + writeFailed > 0) {
            end = format.appendGap(queueFull, writeFailed, System.currentTimeMillis(), end, sink);
        }
        long unformattable = 0;
        for (AuditRecord r : batch) {
            int mark = sink.size();
            try {
                end = format.appendDecision(r, end, sink);
            } catch (RuntimeException e) {
                truncate(sink, mark);
                unformattable++;
                Log.LOG.warn("Airlock could not format an audit record for {}: {}", r.action(), e.toString());
            }
        }
        if (unformattable > 0) {
            droppedWriteFailed.addAndGet(unformattable);
        }
        return end;
    }

    private static void truncate(ByteArrayOutputStream sink, int size) {
        byte[] kept = sink.toByteArray();
        sink.reset();
        sink.write(kept, 0, size);
    }

    /** Created on first use: a process with nothing to report never touches logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ChainedFileAuditLog.class);
    }
}

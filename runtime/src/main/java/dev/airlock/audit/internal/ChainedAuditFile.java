package dev.airlock.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit file as one chain that several processes append to. Each batch is appended under an OS file lock
 * (and, because the OS lock is per process, a lock per file inside this JVM too); under it the writer reads
 * where the chain currently ends, so records of different processes interleave by batch and still form one
 * chain.
 *
 * <p>A line cut short by a writer that died mid-write (kill -9 during the write, a full disk) never joined the
 * chain. The next writer ends it with a newline and links to the last complete record; the verifier reports
 * such a line as torn, not as tampering, because the chain continues across it unbroken.
 *
 * <p>Used by the writer thread only.
 */
final class ChainedAuditFile implements Closeable {

    /** Lines longer than this at the end of a file are not searched for the chain's end. */
    private static final int MAX_TAIL_WINDOW = 256 << 20;
    private static final ConcurrentMap<Path, Object> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();

    /** Formats a batch onto the end of the chain. */
    interface Batch {
        ChainLink format(ChainLink end, ByteArrayOutputStream out) throws IOException;
    }


    private final Path file;
    private final Path head;
    private final Object jvmLock;
    private FileChannel channel;
    private Object fileKey;
    /** The file's size and chain end right after our last write; valid while nobody else has written since. */
    private long knownSize = -1;
    private ChainLink knownEnd;
    private boolean headFailing;

    private ChainedAuditFile(Path file) throws IOException {
        this.file = file;
        this.head = HeadFile.of(file);
        this.channel = openChannel(file);
        this.fileKey = fileKeyAtPath();
        // Keyed by the real path: two names for one file must share the lock, or the OS lock would throw.
        this.jvmLock = LOCKS_IN_THIS_JVM.computeIfAbsent(file.toRealPath(), f -> new Object());
    }

    static ChainedAuditFile open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new ChainedAuditFile(absolute);
    }

    Path path() {
        return file;
    }

    /** Where the chain ended after this process's last write (other writers may have added since); null before. */
    ChainLink end() {
        return knownEnd;
    }

    /** Appends one batch at the end of the chain, whoever wrote last, and moves the head file to its end. */
    void append(Batch batch, ByteArrayOutputStream out) throws IOException {
        reopenIfMoved();
        synchronized (jvmLock) {
            try (FileLock ignored = channel.lock()) {
                long size = channel.size();
                ChainLink end;
                boolean tornTail = false;
                if (size == knownSize) {
                    end = knownEnd;
                } else {
                    tornTail = size > 0 && lastByte(size) != '\n';
                    end = chainEnd(size);
                }
                out.reset();
                if (tornTail) {
                    out.write('\n');
                }
                ChainLink newEnd = batch.format(end, out);
                if (newEnd.seq() == end.seq() && !tornTail) {
                    return;
                }
                ByteBuffer buf = ByteBuffer.wrap(out.toByteArray(), 0, out.size());
                long position = size;
                while (buf.hasRemaining()) {
                    position += channel.write(buf, position);
                }
                knownSize = position;
                knownEnd = newEnd;
                writeHead(newEnd);
            }
        }
    }

    private void writeHead(ChainLink end) {
        try {
            HeadFile.write(head, end);
            headFailing = false;
        } catch (IOException | RuntimeException e) {
            // The records are written; only the guard against cut-off endings is behind. Say so once.
            if (!headFailing) {
                Log.LOG.warn("Airlock could not update the audit head file {}: {}", head, e.toString());
            }
            headFailing = true;
        }
    }

    /**
     * Log rotation (the file renamed, a new one in its place), a deleted file or directory, or a failed reopen:
     * start afresh at the configured path rather than write into a file nobody will read.
     */
    private void reopenIfMoved() throws IOException {
        if (channel != null && channel.isOpen() && isStillAtPath()) {
            return;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        knownSize = -1;
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = openChannel(file);
        fileKey = fileKeyAtPath();
    }

    private boolean isStillAtPath() {
        try {
            Object now = fileKeyAtPath();
            return fileKey == null || fileKey.equals(now);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The identity of the file now at the path (the inode on Unix), or null where the OS has none. */
    private Object fileKeyAtPath() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static FileChannel openChannel(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private byte lastByte(long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    /**
     * The last complete record of the file, read from the end. Lines that are not records (torn lines) are
     * stepped over; a file with no record links to the genesis hash.
     */
    private ChainLink chainEnd(long size) throws IOException {
        int window = 64 << 10;
        while (true) {
            long start = Math.max(0, size - window);
            byte[] bytes = readRange(start, (int) (size - start));
            int end = bytes.length; // where the content of the line in hand ends
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
            }
            while (true) {
                int newline = lastIndexOf(bytes, (byte) '\n', end);
                if (newline < 0 && start > 0) {
                    break; // this line begins before the window
                }
                ChainLink link = linkOf(bytes, newline + 1, end);
                if (link != null) {
                    return link;
                }
                if (newline < 0) {
                    return ChainLink.EMPTY; // the whole file, and no record in it
                }
                end = newline;
            }
            if (window >= MAX_TAIL_WINDOW) {
                return ChainLink.EMPTY;
            }
            window = (int) Math.min((long) window * 4, MAX_TAIL_WINDOW);
        }
    }

    private static ChainLink linkOf(byte[] bytes, int from, int to) {
        int length = to - from;
        byte[] line = new byte[length];
        System.arraycopy(bytes, from, line, 0, length);
        int hashStart = ChainHash.hashMemberStart(line, length);
        long seq = ChainHash.leadingSeq(line, length);
        return hashStart < 0 || seq < 0 ? null : new ChainLink(seq, ChainHash.hashOf(line, hashStart));
    }

    private static int lastIndexOf(byte[] bytes, byte b, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private byte[] readRange(long start, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long position = start;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        return buf.array();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /** Created on first use: a process with nothing to report never touches logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ChainedAuditFile.class);
    }
}

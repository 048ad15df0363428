package dev.airlock.approval.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The embedded default store: every change is one JSON line appended to {@code approvals.jsonl} and forced to
 * disk before the caller is answered, so {@code kill -9} loses no request, vote or use. On open the journal is
 * replayed (a torn last line, the only thing a crash can leave, is dropped), then compacted to one line per
 * request: written to a temporary file, forced, and renamed over the journal atomically. A lock file keeps a
 * second service off the same directory.
 */
public final class JournalApprovalStore extends InMemoryApprovalStore {

    static final String JOURNAL = "approvals.jsonl";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel journal;

    private JournalApprovalStore(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static JournalApprovalStore open(Path dir) throws ApprovalException {
        try {
            Files.createDirectories(dir);
            FileChannel lockChannel = FileChannel.open(dir.resolve("store.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new ApprovalException("another approval service already uses the store in " + dir);
            }
            JournalApprovalStore store = new JournalApprovalStore(dir, lockChannel, lock);
            store.replayAndCompact();
            return store;
        } catch (IOException e) {
            throw new ApprovalException("cannot open the approval store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private synchronized void replayAndCompact() throws IOException, ApprovalException {
        Path file = dir.resolve(JOURNAL);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    replay(ApprovalJson.tree(line));
                } catch (ApprovalException e) {
                    if (i < lines.size() - 1) {
                        throw new ApprovalException(file + " line " + (i + 1) + " is damaged: " + e.getMessage());
                    }
                    // The last line torn by a crash: its write was never acknowledged.
                }
            }
        }
        Path temp = dir.resolve(JOURNAL + ".compact");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (var e : hashByApprover.entrySet()) {
                writeLine(out, approverLine(e.getKey(), e.getValue()));
            }
            for (ApprovalRequest r : requests.values()) {
                writeLine(out, requestLine(r));
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        journal = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void replay(JsonNode line) throws ApprovalException {
        if (line.has("approver")) {
            String name = line.get("approver").asText();
            String hash = line.get("tokenHash").asText();
            String old = hashByApprover.put(name, hash);
            if (old != null) {
                approverByHash.remove(old);
            }
            approverByHash.put(hash, name);
        } else if (line.has("request")) {
            ApprovalRequest r = ApprovalJson.convert(line.get("request"), ApprovalRequest.class);
            requests.put(r.id(), r);
        } else {
            throw new ApprovalException("unknown journal line");
        }
    }

    @Override
    protected void written(ApprovalRequest request) {
        append(requestLine(request));
    }

    @Override
    protected void approved(String name, String tokenHash) {
        append(approverLine(name, tokenHash));
    }

    private void append(String line) {
        try {
            writeLine(journal, line);
            journal.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ApprovalRequest create(ApprovalRequest request) throws ApprovalException {
        try {
            return super.create(request);
        } catch (UncheckedIOException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean replace(ApprovalRequest current, ApprovalRequest next) throws ApprovalException {
        try {
            return super.replace(current, next);
        } catch (UncheckedIOException e) {
            throw failed(e);
        }
    }

    @Override
    public void putApprover(String name, String tokenHash) throws ApprovalException {
        try {
            super.putApprover(name, tokenHash);
        } catch (UncheckedIOException e) {
            throw failed(e);
        }
    }

    private ApprovalException failed(UncheckedIOException e) {
        return new ApprovalException("cannot write the approval journal in " + dir + ": " + e.getCause().getMessage(),
                e);
    }

    private static String requestLine(ApprovalRequest r) {
        ObjectNode line = ApprovalJson.object();
        line.set("request", ApprovalJson.toTree(r));
        return line.toString();
    }

    private static String approverLine(String name, String hash) {
        ObjectNode line = ApprovalJson.object();
        line.put("approver", name);
        line.put("tokenHash", hash);
        return line.toString();
    }

    private static void writeLine(FileChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes the rename itself durable. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory; the rename is still atomic there.
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (journal != null) {
                journal.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // Closing at exit; the journal was forced after every write.
        }
    }
}

package dev.airlock.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a witness keeps the anchors it signed, per chain, in the order it signed them. Append-only: a witness
 * never forgets or replaces an anchor, so a chain rewritten later still meets what was signed before. Every
 * implementation passes one contract test.
 */
public interface AnchorBook extends AutoCloseable {

    /** Anchors in this JVM's memory, lost at exit: for tests. */
    static AnchorBook inMemory() {
        return new dev.airlock.audit.internal.InMemoryAnchorBook();
    }

    /** The durable book: one append-only, fsynced file per chain in {@code dir}. */
    static AnchorBook inDirectory(Path dir) throws IOException {
        return dev.airlock.audit.internal.AnchorFiles.open(dir);
    }

    /** Keeps {@code anchor} as the latest of {@code chainId}; durable when this returns. */
    void append(String chainId, AuditAnchor.Anchor anchor) throws IOException;

    /** Every anchor of {@code chainId}, oldest first; empty for a chain never anchored. */
    List<AuditAnchor.Anchor> anchors(String chainId) throws IOException;

    @Override
    default void close() {
    }
}

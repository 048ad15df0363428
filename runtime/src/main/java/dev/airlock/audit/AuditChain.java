package dev.airlock.audit;

import java.nio.file.Path;

/** Checks an audit file's hash chain. */
public final class AuditChain {

    private AuditChain() {
    }

    /**
     * Verifies every record's hash and its link to the one before.
     *
     * @return the result: ok with the record count, or the first broken line and why
     */
    public static Verification verify(Path file) {
        return dev.airlock.audit.internal.ChainVerifier.verify(file);
    }

    /**
     * Verifies the chain, then that it still holds what a witness countersigned: a file rewritten with every
     * hash recomputed, or emptied, passes {@link #verify} but not this.
     */
    public static Verification verify(Path file, java.util.List<AuditAnchor.Anchor> anchors) {
        Verification chain = verify(file);
        if (!chain.ok()) {
            return chain;
        }
        try {
            String fault = dev.airlock.audit.internal.AnchorCheck.check(file, anchors);
            return fault == null ? chain : new Verification(false, chain.records(), 0, fault);
        } catch (java.io.IOException e) {
            return new Verification(false, chain.records(), 0, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The id a witness knows an audit file's chain by: the host that writes it and the file's real path. The
     * writer and {@code audit verify} on the same machine arrive at the same id; elsewhere, give it.
     */
    public static String chainId(String host, Path file) {
        Path where = file.toAbsolutePath().normalize();
        try {
            where = where.toRealPath();
        } catch (java.io.IOException notThere) {
            // the path as given
        }
        return host + ":" + where;
    }

    /**
     * @param ok true when the whole chain holds
     * @param records how many records were checked
     * @param brokenLine 1-based line of the first fault, or 0
     * @param fault what is wrong at that line, or null
     */
    public record Verification(boolean ok, long records, long brokenLine, String fault) {
    }
}

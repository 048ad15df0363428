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
     * @param ok true when the whole chain holds
     * @param records how many records were checked
     * @param brokenLine 1-based line of the first fault, or 0
     * @param fault what is wrong at that line, or null
     */
    public record Verification(boolean ok, long records, long brokenLine, String fault) {
    }
}

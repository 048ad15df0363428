package dev.airlock.audit.internal;

import dev.airlock.audit.AuditChain;
import java.nio.file.Path;

/** PLACEHOLDER. */
public final class ChainVerifier {

    public static AuditChain.Verification verify(Path file) {
        return new AuditChain.Verification(false, 0, 0, "not implemented");
    }
}

package dev.airlock.approval;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/** Signs grants with the approval service's private key. Lives only in the approval service's process. */
public final class GrantSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final Duration validFor;
    private final int uses;

    /**
     * @param validFor how long a grant may be used after approval (15 minutes by default)
     * @param uses how many identical calls one grant lets through (1 by default)
     */
    public GrantSigner(PrivateKey key, Duration validFor, int uses) {
        if (uses < 1) {
            throw new IllegalArgumentException("a grant is good for at least one use");
        }
        this.key = key;
        this.validFor = validFor;
        this.uses = uses;
    }

    /** A fresh grant for the request, which must now hold its approvers. */
    public Grant grantFor(ApprovalRequest request, long now) throws ApprovalException {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        Grant unsigned = new Grant("grt-" + HexFormat.of().formatHex(id), request.id(), request.fingerprint(),
                request.approvers(), now + validFor.toMillis(), uses, null);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(unsigned.signedBytes());
            return unsigned.signedAs(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new ApprovalException("could not sign the grant for " + request.id() + ": " + e.getMessage(), e);
        }
    }
}

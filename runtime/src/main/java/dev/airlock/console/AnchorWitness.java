package dev.airlock.console;

import dev.airlock.audit.AnchorBook;
import dev.airlock.audit.AuditAnchor;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The approval service as a witness of guarded JVMs' audit chains: it signs the head an audit writer sends,
 * with the service's own Ed25519 key (which never leaves the service), and keeps every anchor it signed. It takes
 * any head it is sent, even one that goes back: what it signed earlier stays, so a rewritten chain meets it at
 * {@code audit verify --anchors}.
 */
public final class AnchorWitness implements AuditAnchor {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_CHAIN_ID = 1024;

    private final PrivateKey key;
    private final AnchorBook book;

    public AnchorWitness(PrivateKey key, AnchorBook book) {
        this.key = key;
        this.book = book;
    }

    /**
     * @throws IllegalArgumentException when the chain id or head is not one an audit writer would send
     * @throws IllegalStateException when the anchor cannot be signed or kept
     */
    @Override
    public Anchor countersign(String chainId, long seq, String headHash) {
        requireChainId(chainId);
        if (seq < 0 || headHash == null || !HASH.matcher(headHash).matches()) {
            throw new IllegalArgumentException("not an audit head: seq " + seq + ", hash " + headHash
                    + " (a sequence number and 64 lower-case hex digits)");
        }
        try {
            Anchor anchor = Anchor.sign(key, chainId, seq, headHash, System.currentTimeMillis());
            book.append(chainId, anchor);
            return anchor;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not countersign the head of " + chainId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Anchor> anchors(String chainId) {
        requireChainId(chainId);
        try {
            return book.anchors(chainId);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the anchors of " + chainId + ": " + e.getMessage(), e);
        }
    }

    static void requireChainId(String chainId) {
        if (chainId == null || chainId.isBlank() || chainId.length() > MAX_CHAIN_ID
                || chainId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not an audit chain id: a host and a path, at most " + MAX_CHAIN_ID
                    + " characters, no control characters");
        }
    }
}

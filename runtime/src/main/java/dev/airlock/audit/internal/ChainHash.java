package dev.airlock.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rule that chains audit records, shared by the writer and the verifier.
 *
 * <p>Every line is a JSON object whose last member is {@code "hash"}: {@code {...,"prev":"<hex>","hash":"<hex>"}}.
 * The record's canonical JSON is the line exactly as written with that last member removed, that is
 * {@code {...,"prev":"<hex>"}}; its hash is SHA-256, in lower-case hex, over the previous record's hash followed
 * by the canonical JSON (both UTF-8). Hashing the bytes as written, rather than a re-serialisation, means the
 * verifier never depends on how a JSON library happens to format numbers or escapes.
 *
 * <p>Not thread-safe: each writer or verifier holds its own.
 */
final class ChainHash {

    /** What the first record of a file links to. */
    static final String GENESIS = "0".repeat(64);

    /** Every record starts with its sequence number. */
    static final byte[] RECORD_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] HASH_MEMBER = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"hash":"} + 64 hex digits + {@code "}}. */
    private static final int HASH_SUFFIX_LENGTH = HASH_MEMBER.length + 64 + 2;

    private final MessageDigest sha256;
    private final HexFormat hex = HexFormat.of();

    ChainHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hash of a record whose canonical JSON is {@code canonical[0, length)}. */
    String of(String prev, byte[] canonical, int length) {
        sha256.reset();
        sha256.update(prev.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical, 0, length);
        return hex.formatHex(sha256.digest());
    }

    /**
     * The hash of a complete line (without its newline), recomputed from its canonical part.
     *
     * @param hashStart where {@link #hashMemberStart} found the hash member
     */
    String ofLine(String prev, byte[] line, int hashStart) {
        sha256.reset();
        sha256.update(prev.getBytes(StandardCharsets.US_ASCII));
        sha256.update(line, 0, hashStart);
        sha256.update((byte) '}');
        return hex.formatHex(sha256.digest());
    }

    /**
     * Where the final {@code ,"hash":"<64 hex>"}} member of a line starts, or -1 when the line does not end
     * with one (it is not a complete record).
     */
    static int hashMemberStart(byte[] line, int length) {
        int start = length - HASH_SUFFIX_LENGTH;
        if (start < 1 || line[0] != '{' || line[length - 1] != '}' || line[length - 2] != '"') {
            return -1;
        }
        for (int i = 0; i < HASH_MEMBER.length; i++) {
            if (line[start + i] != HASH_MEMBER[i]) {
                return -1;
            }
        }
        for (int i = start + HASH_MEMBER.length; i < length - 2; i++) {
            byte b = line[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return -1;
            }
        }
        return start;
    }

    /** The hash written at the end of a complete line. */
    static String hashOf(byte[] line, int hashStart) {
        int from = hashStart + HASH_MEMBER.length;
        return new String(line, from, 64, StandardCharsets.US_ASCII);
    }

    /** True when the line looks like the start of a record that was cut short: it never joined the chain. */
    static boolean looksTorn(byte[] line, int length) {
        byte[] prefix = RECORD_PREFIX;
        int n = Math.min(length, prefix.length);
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return hashMemberStart(line, length) < 0;
    }

    /**
     * The sequence number at the start of a record line, read without a JSON parser (the writer uses it on the
     * hot end of a file it did not write last); -1 when the line does not start as a record.
     */
    static long leadingSeq(byte[] line, int length) {
        int i = RECORD_PREFIX.length;
        if (length <= i) {
            return -1;
        }
        for (int k = 0; k < i; k++) {
            if (line[k] != RECORD_PREFIX[k]) {
                return -1;
            }
        }
        long seq = 0;
        int digits = 0;
        while (i < length && line[i] >= '0' && line[i] <= '9' && digits < 18) {
            seq = seq * 10 + (line[i] - '0');
            i++;
            digits++;
        }
        return digits > 0 && i < length && line[i] == ',' ? seq : -1;
    }
}

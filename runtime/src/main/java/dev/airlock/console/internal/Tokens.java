package dev.airlock.console.internal;

import dev.airlock.call.Fingerprint;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Approver and admin tokens: 256 random bits, shown once; only their SHA-256 is kept. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String fresh() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "alt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        return Fingerprint.sha256Hex("airlock-token-v1:" + token);
    }

    /** Compares without leaking where they differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}

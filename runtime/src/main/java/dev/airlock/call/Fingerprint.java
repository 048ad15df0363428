package dev.airlock.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical digest of a call. An approval approves exactly one fingerprint, so it must be stable across
 * retries of the same request and change with anything that changes the effect.
 */
public final class Fingerprint {

    /** Fields the SDK or the tool fills with a fresh value on every attempt; they do not change the effect. */
    private static final Set<String> VOLATILE_FIELDS = Set.of(
            "ClientRequestToken", "ClientToken", "IdempotencyToken", "RequestToken");

    private Fingerprint() {
    }

    public static String of(Call call) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append("airlock-fingerprint-v1\n")
                .append(call.service()).append('\n')
                .append(call.operation()).append('\n')
                .append(nullToEmpty(call.account())).append('\n')
                .append(nullToEmpty(call.region())).append('\n');
        List<String> resources = new ArrayList<>(call.resources());
        Collections.sort(resources);
        for (String r : resources) {
            canonical.append(r).append('\n');
        }
        appendValue(canonical, normalise(call.parameters()));
        return "sha256:" + sha256Hex(canonical.toString());
    }

    /** Sorted keys, no nulls, no volatile fields. */
    static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (e.getValue() != null && !VOLATILE_FIELDS.contains(key)) {
                    sorted.put(key, normalise(e.getValue()));
                }
            }
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(normalise(o));
            }
            return out;
        }
        return value;
    }

    private static void appendValue(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            for (Map.Entry<?, ?> e : map.entrySet()) {
                appendString(sb, String.valueOf(e.getKey()));
                sb.append(':');
                appendValue(sb, e.getValue());
                sb.append(',');
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (Object o : list) {
                appendValue(sb, o);
                sb.append(',');
            }
            sb.append(']');
        } else if (value instanceof String s) {
            appendString(sb, s);
        } else {
            sb.append(value);
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        // Length-prefixed, so no choice of characters can make two different values collide.
        sb.append(s.length()).append('"').append(s).append('"');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

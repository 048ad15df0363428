package dev.airlock.config.internal;

import dev.airlock.config.AirlockConfig;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches the keys each source spells its own way to the keys of {@link AirlockConfig#KEYS}, and suggests the
 * closest one when nothing matches. Dots, dashes and underscores are the same to it, and so is case:
 * {@code audit.file}, {@code airlock.audit.file} and {@code AIRLOCK_AUDIT_FILE} all name one key (the
 * OpenTelemetry convention).
 */
public final class KnownKeys {

    private static final Map<String, String> BY_NORMAL_FORM = new TreeMap<>();

    static {
        for (String key : AirlockConfig.KEYS) {
            BY_NORMAL_FORM.put(normalForm(key), key);
        }
    }

    private KnownKeys() {
    }

    /** The known key this name means, or null. */
    public static String match(String name) {
        return name == null ? null : BY_NORMAL_FORM.get(normalForm(name));
    }

    /** The environment variable for a key: {@code read.on-error} is {@code AIRLOCK_READ_ON_ERROR}. */
    public static String environmentName(String key) {
        return "AIRLOCK_" + normalForm(key);
    }

    /** The known key closest to a misspelt name, or null when none is close enough to be a useful guess. */
    public static String closest(String name) {
        String wanted = normalForm(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : BY_NORMAL_FORM.entrySet()) {
            int d = sharesAStem(wanted, e.getKey()) ? 1 : distance(wanted, e.getKey());
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getValue();
            }
        }
        int tolerance = Math.max(2, wanted.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    /** The known keys, sorted, for messages. */
    public static String list() {
        return String.join(", ", new TreeSet<>(AirlockConfig.KEYS));
    }

    /** {@code plan.directory} for {@code plan.dir}, {@code audit} for {@code audit.file}. */
    private static boolean sharesAStem(String a, String b) {
        return Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a));
    }

    private static String normalForm(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

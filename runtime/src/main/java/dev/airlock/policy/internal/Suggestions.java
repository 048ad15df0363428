package dev.airlock.policy.internal;

import java.util.Collection;
import java.util.Locale;

/** The valid word a misspelt one most likely meant, for "did you mean" hints. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest valid word, or null when none is close enough to be a likely typo. */
    static String closest(String written, Collection<String> valid) {
        String w = written.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = distance(w, c);
            if (w.length() >= 3 && (c.startsWith(w) || w.startsWith(c))) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.max(2, w.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    /**
     * A fault for a word that is not one of the valid ones: {@code unknown field "Efect"; did you mean
     * "Effect"? Valid: Sid, Effect, ...}.
     */
    static String unknown(String what, String written, Collection<String> valid) {
        String s = closest(written, valid);
        return "unknown " + what + " \"" + written + "\""
                + (s == null ? "." : "; did you mean \"" + s + "\"?")
                + " Valid: " + String.join(", ", valid);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

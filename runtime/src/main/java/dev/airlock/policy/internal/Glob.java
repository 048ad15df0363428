package dev.airlock.policy.internal;

/**
 * An IAM wildcard pattern ({@code *} any run of characters, {@code ?} one character), compiled once when the
 * policy is parsed. Matching allocates nothing and compiles no regex.
 *
 * <p>Besides plain matching, a pattern can be compared with a call resource that is itself partly unknown:
 * when a request does not say a region, an account or a whole ARN, the call carries {@code *} there.
 * {@link #intersects} tells whether some real resource could match both (what a restrictive statement must
 * assume); {@link #covers} whether every resource the call could mean matches the pattern (what an Allow
 * needs). For a resource without {@code *} both are the same as {@link #matches}.
 */
final class Glob {

    private enum Shape { ANY, EXACT, PREFIX, SUFFIX, GENERAL }

    private final String pattern;
    private final boolean ignoreCase;
    private final Shape shape;
    /** The pattern without its wildcard for the EXACT, PREFIX and SUFFIX shapes; lower-cased when ignoring case. */
    private final String literal;

    private Glob(String pattern, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.pattern = ignoreCase ? lower(pattern) : pattern;
        int stars = count(this.pattern, '*');
        boolean question = this.pattern.indexOf('?') >= 0;
        int n = this.pattern.length();
        if (n > 0 && stars == n) {
            shape = Shape.ANY;
            literal = "";
        } else if (question) {
            shape = Shape.GENERAL;
            literal = null;
        } else if (stars == 0) {
            shape = Shape.EXACT;
            literal = this.pattern;
        } else if (stars == 1 && this.pattern.charAt(n - 1) == '*') {
            shape = Shape.PREFIX;
            literal = this.pattern.substring(0, n - 1);
        } else if (stars == 1 && this.pattern.charAt(0) == '*') {
            shape = Shape.SUFFIX;
            literal = this.pattern.substring(1);
        } else {
            shape = Shape.GENERAL;
            literal = null;
        }
    }

    /** A case-sensitive pattern, as for resources and condition values. */
    static Glob of(String pattern) {
        return new Glob(pattern, false);
    }

    /** A case-insensitive pattern, as for actions. */
    static Glob ignoringCase(String pattern) {
        return new Glob(pattern, true);
    }

    /** Whether the pattern is made of {@code *} only, and so matches everything, unknown resources included. */
    boolean isUniversal() {
        return shape == Shape.ANY;
    }

    String pattern() {
        return pattern;
    }

    /** Whether a concrete text matches; {@code *} and {@code ?} in the text are ordinary characters. */
    boolean matches(String text) {
        switch (shape) {
            case ANY:
                return true;
            case EXACT:
                return ignoreCase ? text.equalsIgnoreCase(literal) : text.equals(literal);
            case PREFIX:
                return text.regionMatches(ignoreCase, 0, literal, 0, literal.length());
            case SUFFIX:
                return text.length() >= literal.length()
                        && text.regionMatches(ignoreCase, text.length() - literal.length(), literal, 0,
                        literal.length());
            default:
                return general(text, false);
        }
    }

    /**
     * Whether every text the given one stands for, reading each {@code *} in it as an unknown run, matches:
     * each unknown run must fall inside a {@code *} of the pattern. May answer false for some covered
     * texts with {@code ?} in the pattern; never answers true wrongly.
     */
    boolean covers(String text) {
        if (shape == Shape.ANY) {
            return true;
        }
        if (text.indexOf('*') < 0) {
            return matches(text);
        }
        return general(text, true);
    }

    /** Whether some text matches both the pattern and the given one, reading each {@code *} in it as unknown. */
    boolean intersects(String text) {
        if (shape == Shape.ANY) {
            return true;
        }
        if (text.indexOf('*') < 0) {
            return matches(text);
        }
        return commonText(text);
    }

    /**
     * Greedy matching with backtracking to the last star: linear in the common case, never exponential.
     * With {@code unknownRuns}, a {@code *} in the text can only be absorbed by a {@code *} of the pattern.
     */
    private boolean general(String text, boolean unknownRuns) {
        String p = pattern;
        int m = p.length();
        int n = text.length();
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = 0;
        while (ti < n) {
            if (pi < m && p.charAt(pi) == '*') {
                starP = pi++;
                starT = ti;
            } else if (pi < m && same(p.charAt(pi), text.charAt(ti), unknownRuns)) {
                pi++;
                ti++;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < m && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == m;
    }

    private boolean same(char patternChar, char textChar, boolean unknownRuns) {
        if (unknownRuns && textChar == '*') {
            return false;
        }
        if (patternChar == '?') {
            return true;
        }
        return patternChar == textChar || ignoreCase && patternChar == Character.toLowerCase(textChar);
    }

    /**
     * Whether the pattern and a text with unknown runs share a string: reachability over pairs of positions,
     * filled from the ends. Only used for resources the request left partly unknown. In a full ARN, an
     * unknown partition, service, region or account is one segment and cannot hold a colon; an unknown run in
     * the resource part can hold anything.
     */
    private boolean commonText(String text) {
        String p = pattern;
        int m = p.length();
        int n = text.length();
        boolean[] inHeader = new boolean[n];
        if (text.startsWith("arn:") && count(text, ':') >= 5) {
            int colons = 0;
            for (int j = 0; j < n && colons < 5; j++) {
                inHeader[j] = true;
                colons += text.charAt(j) == ':' ? 1 : 0;
            }
        }
        boolean[] next = new boolean[n + 1];
        boolean[] row = new boolean[n + 1];
        for (int i = m; i >= 0; i--) {
            for (int j = n; j >= 0; j--) {
                boolean pEnd = i == m;
                boolean tEnd = j == n;
                char a = pEnd ? 0 : p.charAt(i);
                char b = tEnd ? 0 : text.charAt(j);
                boolean can;
                if (pEnd && tEnd) {
                    can = true;
                } else {
                    can = (!pEnd && a == '*' && next[j])         // the pattern's star stands for nothing
                            || (!tEnd && b == '*' && row[j + 1]); // the text's unknown run is empty
                    if (!can && !pEnd && !tEnd) {
                        if (a == '*' && b != '*') {
                            can = row[j + 1];                    // the pattern's star takes the text's character
                        } else if (b == '*' && a != '*') {
                            // the unknown run takes the pattern's character
                            can = next[j] && !(a == ':' && inHeader[j]);
                        } else if (a != '*') {
                            can = (a == '?' || same(a, b, false)) && next[j + 1];
                        }
                    }
                }
                row[j] = can;
            }
            boolean[] swap = next;
            next = row;
            row = swap;
        }
        return next[0];
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return pattern;
    }
}

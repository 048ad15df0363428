package dev.airlock.policy.internal;

/**
 * A statement's resource pattern, compared with a call's resource segment by segment: partition, service,
 * region and account as whole words ({@code *} or a literal), then the resource part with its own pattern.
 *
 * <p>The answers are exactly those of the whole-text {@link Glob}, where a {@code *} may run across colons; the
 * segment form is only used where it cannot differ. A pattern's header colons are literal and must meet the
 * text's colons in order, so they meet the text's first five colons unless a {@code *} in the header swallows one
 * of them, which needs the text's resource part to hold more colons than the pattern's. In that case, and for
 * patterns or texts of any other shape ({@code ?} or a partial {@code *} in the header, fewer than five colons),
 * the whole-text pattern answers.
 */
final class ArnPattern {

    private final Glob whole;
    /** Partition, service, region, account: a literal, or null for {@code *}; null array when not segmented. */
    private final String[] header;
    private final Glob resource;
    private final boolean headerStar;
    private final int resourceColons;
    /** The resource part up to its first wildcard: every resource it takes in (aligned) starts with it. */
    private final String literalPrefix;

    private ArnPattern(Glob whole, String[] header, Glob resource, boolean headerStar, int resourceColons,
                       String literalPrefix) {
        this.whole = whole;
        this.header = header;
        this.resource = resource;
        this.headerStar = headerStar;
        this.resourceColons = resourceColons;
        this.literalPrefix = literalPrefix;
    }

    static ArnPattern of(Glob glob) {
        String p = glob.pattern();
        if (!p.startsWith("arn:")) {
            return new ArnPattern(glob, null, null, false, 0, null);
        }
        String[] header = new String[4];
        boolean star = false;
        int from = 4;
        for (int i = 0; i < 4; i++) {
            int colon = p.indexOf(':', from);
            if (colon < 0) {
                return new ArnPattern(glob, null, null, false, 0, null);
            }
            String segment = p.substring(from, colon);
            if (segment.indexOf('?') >= 0 || segment.indexOf('*') >= 0 && !segment.equals("*")) {
                return new ArnPattern(glob, null, null, false, 0, null);
            }
            if (segment.equals("*")) {
                star = true;
                segment = null;
            }
            header[i] = segment;
            from = colon + 1;
        }
        String rest = p.substring(from);
        int colons = 0;
        int firstWildcard = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':') {
                colons++;
            } else if ((c == '*' || c == '?') && i < firstWildcard) {
                firstWildcard = i;
            }
        }
        return new ArnPattern(glob, header, Glob.of(rest), star, colons, rest.substring(0, firstWildcard));
    }

    Glob glob() {
        return whole;
    }

    /** Whether a call resource can be indexed under this pattern's service and resource prefix. */
    boolean segmented() {
        return header != null;
    }

    /**
     * The service the pattern is bound to, or null when any service may match: a {@code *} partition can
     * swallow the text's service segment.
     */
    String service() {
        return header[0] == null ? null : header[1];
    }

    String literalPrefix() {
        return literalPrefix;
    }

    /** {@link Glob#intersects}: some real resource the text stands for matches. */
    boolean intersects(ArnText t) {
        if (!aligned(t)) {
            return whole.intersects(t.text);
        }
        for (int i = 0; i < 4; i++) {
            String p = header[i];
            String s = t.header[i];
            if (p != null && s != null && !p.equals(s)) {
                return false;
            }
        }
        return resource.matches(t.resource);
    }

    /** {@link Glob#covers}: every real resource the text stands for matches. */
    boolean covers(ArnText t) {
        if (!aligned(t)) {
            return whole.covers(t.text);
        }
        for (int i = 0; i < 4; i++) {
            String p = header[i];
            if (p != null && !p.equals(t.header[i])) {
                return false;
            }
        }
        return resource.matches(t.resource);
    }

    private boolean aligned(ArnText t) {
        return header != null && t.segmented && !(headerStar && t.resourceColons > resourceColons);
    }

    @Override
    public String toString() {
        return whole.toString();
    }
}

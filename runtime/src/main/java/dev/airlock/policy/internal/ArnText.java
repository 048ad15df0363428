package dev.airlock.policy.internal;

import java.util.List;

/**
 * One resource of a call, split into its ARN segments once per call, so that each candidate statement compares
 * segments instead of running a general pattern over the whole text. A region or account the request did not
 * reveal is {@code *} in the ARN; here it is a null segment, settled once for the whole call.
 *
 * <p>A text that is not an ARN of this plain shape (not {@code arn:}, fewer than five colons, a header segment
 * that is partly {@code *}, or a {@code *} in the resource part) is kept whole: patterns then use their general
 * form on it, exactly as before.
 */
final class ArnText {

    private static final int HEADER = 4;

    final String text;
    /** Whether the segments below are set; otherwise only {@link #text} is. */
    final boolean segmented;
    /** Partition, service, region, account: a literal, or null when unknown ({@code *}). */
    final String[] header;
    /** The part after the fifth colon; never holds {@code *} when segmented. */
    final String resource;
    /** Colons in {@link #resource}. */
    final int resourceColons;

    private ArnText(String text, String[] header, String resource, int resourceColons) {
        this.text = text;
        this.segmented = header != null;
        this.header = header;
        this.resource = resource;
        this.resourceColons = resourceColons;
    }

    static ArnText of(String text) {
        if (!text.startsWith("arn:")) {
            return whole(text);
        }
        String[] header = new String[HEADER];
        int from = 4;
        for (int i = 0; i < HEADER; i++) {
            int colon = text.indexOf(':', from);
            if (colon < 0) {
                return whole(text);
            }
            String segment = text.substring(from, colon);
            if (segment.indexOf('*') >= 0) {
                if (segment.length() != 1) {
                    return whole(text);
                }
                segment = null;
            }
            header[i] = segment;
            from = colon + 1;
        }
        String resource = text.substring(from);
        if (resource.indexOf('*') >= 0) {
            return whole(text);
        }
        int colons = 0;
        for (int i = 0; i < resource.length(); i++) {
            if (resource.charAt(i) == ':') {
                colons++;
            }
        }
        return new ArnText(text, header, resource, colons);
    }

    /** The call's resources, each split once. */
    static ArnText[] allOf(List<String> resources) {
        if (resources.isEmpty()) {
            return new ArnText[] {of("*")};
        }
        ArnText[] out = new ArnText[resources.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(resources.get(i));
        }
        return out;
    }

    private static ArnText whole(String text) {
        return new ArnText(text, null, null, 0);
    }

    String service() {
        return header == null ? null : header[1];
    }

    @Override
    public String toString() {
        return text;
    }
}

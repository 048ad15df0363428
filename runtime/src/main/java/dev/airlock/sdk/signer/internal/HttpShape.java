package dev.airlock.sdk.signer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a signer sees of one HTTP request, as plain Java values: enough to tell the service's operation from the
 * wire, whichever protocol the service speaks. Built by the SDK-specific readers from the request handed to a
 * signer; read by {@link SignedRequestReader}.
 */
final class HttpShape {

    /** Reads the request's body on demand; gives null when it is not in memory or is too large to read here. */
    interface Body {
        byte[] read();
    }

    static final Body NO_BODY = new Body() {
        @Override
        public byte[] read() {
            return null;
        }
    };

    final String method;
    final String host;
    final String encodedPath;
    final Map<String, List<String>> query;
    final Map<String, List<String>> headers;
    final Body body;

    /**
     * @param method upper case ({@code DELETE})
     * @param encodedPath the path as it goes on the wire, percent-encoded
     * @param query the query parameters, decoded
     */
    HttpShape(String method, String host, String encodedPath, Map<String, List<String>> query,
              Map<String, List<String>> headers, Body body) {
        this.method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        this.host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        this.encodedPath = encodedPath == null ? "" : encodedPath;
        this.query = query == null ? Map.of() : query;
        this.headers = headers == null ? Map.of() : headers;
        this.body = body == null ? NO_BODY : body;
    }

    /** The first value of a header, whatever its case; null when absent. */
    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The first value of a query parameter; null when absent, {@code ""} when present without a value. */
    String queryValue(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return null;
        }
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    boolean reads() {
        return method.equals("GET") || method.equals("HEAD");
    }
}

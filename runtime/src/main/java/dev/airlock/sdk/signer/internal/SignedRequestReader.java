package dev.airlock.sdk.signer.internal;

import dev.airlock.sdk.internal.RequestFields;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the API call from a request handed to a signer, by the protocol the service speaks: the
 * {@code X-Amz-Target} header of the JSON protocols ({@code DynamoDB_20120810.DeleteTable}), the {@code Action}
 * parameter of the query protocols (CloudFormation, IAM, EC2...), in the query string or the form body, and S3's
 * REST shapes ({@link S3Requests}). Other REST services are not mapped: their reads (GET, HEAD) are
 * {@link SignedCall#UNRECOGNIZED_READ}, the rest {@link SignedCall#UNRECOGNIZED}, which the engine holds as unknown.
 *
 * <p>A body this reads (JSON and form bodies, which carry the call's parameters) becomes the request's fields. A
 * body it needs but cannot read (not in memory, too large, not parseable) marks the fields as cut, so that the
 * engine decides the call as if the unread part destroyed.
 */
final class SignedRequestReader {

    private SignedRequestReader() {
    }

    static SignedCall read(HttpShape http, String signingName) {
        String service = signingName != null && !signingName.isBlank() ? signingName.toLowerCase(Locale.ROOT)
                : serviceFromHost(http.host);
        String target = http.header("X-Amz-Target");
        if (target != null && !target.isBlank()) {
            return json(service, target.trim(), http);
        }
        String action = http.queryValue("Action");
        if (action != null && !action.isBlank()) {
            return new SignedCall(service, action, formFields(http.query));
        }
        if (isForm(http)) {
            return form(service, http);
        }
        if (S3Requests.speaksS3(service)) {
            return S3Requests.read(service, http);
        }
        return new SignedCall(service, http.reads() ? SignedCall.UNRECOGNIZED_READ : SignedCall.UNRECOGNIZED,
                Map.of());
    }

    /** The fields of a call whose parameters could not be read: decided as if they destroyed. */
    static Map<String, Object> cut() {
        return Map.of(RequestFields.CUT, Boolean.TRUE);
    }

    private static SignedCall json(String service, String target, HttpShape http) {
        String operation = target.substring(target.lastIndexOf('.') + 1);
        if (operation.isEmpty()) {
            return new SignedCall(service, SignedCall.UNRECOGNIZED, cut());
        }
        byte[] body = http.body.read();
        Map<String, Object> fields;
        if (body == null) {
            fields = cut();
        } else {
            try {
                fields = JsonBodies.fields(body);
            } catch (Throwable t) {
                // An SDK without the JSON reader, or a body that is not JSON: its parameters are unknown.
                fields = cut();
            }
        }
        return new SignedCall(service, operation, fields);
    }

    private static boolean isForm(HttpShape http) {
        String type = http.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static SignedCall form(String service, HttpShape http) {
        byte[] body = http.body.read();
        if (body == null) {
            return new SignedCall(service, SignedCall.UNRECOGNIZED, cut());
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        List<String> action = params.get("Action");
        if (action == null || action.isEmpty() || action.get(0).isBlank()) {
            return new SignedCall(service, SignedCall.UNRECOGNIZED, cut());
        }
        return new SignedCall(service, action.get(0), formFields(params));
    }

    /** The parameters of a query-protocol call, as flat members ({@code StackName}, {@code Tags.member.1.Key}). */
    private static Map<String, Object> formFields(Map<String, List<String>> params) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (name == null || name.equals("Action") || name.equals("Version") || name.startsWith("X-Amz-")
                    || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            fields.put(name, e.getValue().get(0));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decodeForm(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** A path segment as the SDK encoded it: percent escapes only, a {@code +} is itself. */
    static String decodePath(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** {@code dynamodb} of {@code dynamodb.us-east-1.amazonaws.com}; {@code unknown} for a host that says nothing. */
    private static String serviceFromHost(String host) {
        int dot = host.indexOf('.');
        if (dot > 0 && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"))) {
            return host.substring(0, dot);
        }
        return "unknown";
    }
}

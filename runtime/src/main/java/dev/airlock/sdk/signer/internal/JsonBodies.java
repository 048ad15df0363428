package dev.airlock.sdk.signer.internal;

import dev.airlock.sdk.internal.RequestFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * A JSON-protocol body as the request's fields, read with the SDK's own JSON reader: the members of the JSON
 * protocols are the API's member names, so the fields look as they do for a pipeline call. Kept apart so that an
 * SDK without the reader (before 2.17) fails only here.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws RuntimeException when the body is not a JSON object */
    static Map<String, Object> fields(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        JsonNode root = JsonNodeParser.create().parse(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        boolean[] cut = new boolean[1];
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value(root, 0, cut);
        if (cut[0]) {
            fields.put(RequestFields.CUT, Boolean.TRUE);
        }
        return fields;
    }

    private static Object value(JsonNode node, int depth, boolean[] cut) {
        if (depth > RequestFields.MAX_DEPTH) {
            cut[0] = true;
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.asObject().entrySet()) {
                Object v = value(e.getValue(), depth + 1, cut);
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode element : node.asArray()) {
                Object v = value(element, depth + 1, cut);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            try {
                return new BigDecimal(node.asNumber());
            } catch (NumberFormatException e) {
                return node.asNumber();
            }
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }
}

package dev.airlock.policy.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The tags a request asks to set, for {@code aws:RequestTag/KEY}. Services spell them differently: a list of
 * {@code {Key, Value}} (EC2, IAM, CloudFormation; ECS in lower case), a map (Lambda, SQS), EC2's
 * {@code TagSpecifications}, S3's {@code Tagging} as a {@code TagSet} or as a URL query string. Field names and
 * tag keys compare case-insensitively, as IAM does for the tag key in the condition key.
 */
final class RequestTags {

    private RequestTags() {
    }

    /** The value of the tag in the request, the first one when several are given, or null. */
    static String value(Map<String, Object> parameters, String tagKey) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Object> field : parameters.entrySet()) {
            String name = field.getKey();
            String found = null;
            if ("Tags".equalsIgnoreCase(name)) {
                found = inTags(field.getValue(), tagKey);
            } else if ("TagSpecifications".equalsIgnoreCase(name)) {
                found = inSpecifications(field.getValue(), tagKey);
            } else if ("Tagging".equalsIgnoreCase(name)) {
                found = inTagging(field.getValue(), tagKey);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A list of {Key, Value} or a map of key to value. */
    private static String inTags(Object tags, String tagKey) {
        if (tags instanceof List<?> list) {
            for (Object tag : list) {
                if (tag instanceof Map<?, ?> pair && tagKey.equalsIgnoreCase(text(field(pair, "Key")))) {
                    return text(field(pair, "Value"));
                }
            }
        } else if (tags instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (tagKey.equalsIgnoreCase(text(e.getKey()))) {
                    return text(e.getValue());
                }
            }
        }
        return null;
    }

    private static String inSpecifications(Object specifications, String tagKey) {
        if (specifications instanceof List<?> list) {
            for (Object spec : list) {
                if (spec instanceof Map<?, ?> map) {
                    String found = inTags(field(map, "Tags"), tagKey);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String inTagging(Object tagging, String tagKey) {
        if (tagging instanceof String query) {
            return inQuery(query, tagKey);
        }
        if (tagging instanceof Map<?, ?> map) {
            Object tagSet = field(map, "TagSet");
            return tagSet != null ? inTags(tagSet, tagKey) : inTags(map, tagKey);
        }
        return inTags(tagging, tagKey);
    }

    /** S3's {@code x-amz-tagging} form: {@code k1=v1&k2=v2}, URL-encoded. */
    private static String inQuery(String query, String tagKey) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (tagKey.equalsIgnoreCase(key)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Object field(Map<?, ?> map, String name) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String key && key.equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

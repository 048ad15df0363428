package dev.airlock.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads members of an SDK request given as plain values (String, Number, Boolean, List, Map). Tolerant by
 * design: a member of the wrong shape reads as absent, never as an exception. Member names are looked up as
 * written and then with the first letter's case flipped, because the SDK models spell them both ways
 * ({@code TableName} in DynamoDB, {@code desiredCount} in ECS).
 */
final class RequestFields {

    /**
     * Member names with the first letter's case flipped, made once: the readers ask for the same few names on
     * every call, and most requests lack most of them, so a fresh string (and its hash) per miss would be the
     * larger part of reading a request. Bounded, as a request's own map keys could be passed in.
     */
    private static final ConcurrentHashMap<String, String> FLIPPED = new ConcurrentHashMap<>();
    private static final int MAX_FLIPPED = 4096;

    private RequestFields() {
    }

    static Object get(Map<?, ?> map, String member) {
        if (map == null) {
            return null;
        }
        Object value = map.get(member);
        if (value == null && !member.isEmpty()) {
            value = map.get(flipped(member));
        }
        return value;
    }

    private static String flipped(String member) {
        String flipped = FLIPPED.get(member);
        if (flipped == null) {
            char first = member.charAt(0);
            char other = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
            flipped = String.valueOf(other).concat(member.substring(1));
            if (FLIPPED.size() < MAX_FLIPPED) {
                FLIPPED.putIfAbsent(member, flipped);
            }
        }
        return flipped;
    }

    /** A string member; numbers and booleans are given as their text. */
    static String string(Map<?, ?> map, String member) {
        Object value = get(map, member);
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    static Map<?, ?> map(Map<?, ?> map, String member) {
        return get(map, member) instanceof Map<?, ?> m ? m : null;
    }

    static List<?> list(Map<?, ?> map, String member) {
        return get(map, member) instanceof List<?> l ? l : List.of();
    }

    /**
     * A boolean member: Boolean, "true"/"false", or EC2's attribute shape {@code {Value: false}}. Null when
     * absent or unreadable.
     */
    static Boolean bool(Map<?, ?> map, String member) {
        return toBoolean(get(map, member));
    }

    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            return toBoolean(get(m, "Value"));
        }
        return null;
    }

    /** A whole-number member, from a Number or numeric text; null when absent or unreadable. */
    static Long number(Map<?, ?> map, String member) {
        Object value = get(map, member);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static boolean isFalse(Map<?, ?> map, String member) {
        return Boolean.FALSE.equals(bool(map, member));
    }

    static boolean isTrue(Map<?, ?> map, String member) {
        return Boolean.TRUE.equals(bool(map, member));
    }

    static boolean isZero(Map<?, ?> map, String member) {
        Long n = number(map, member);
        return n != null && n == 0L;
    }

    static boolean equalsIgnoreCase(Map<?, ?> map, String member, String expected) {
        String value = string(map, member);
        return value != null && value.equalsIgnoreCase(expected);
    }

    /** True when some element of the list member is a map for which the test holds. */
    static boolean anyMap(Map<?, ?> map, String member, Predicate<Map<?, ?>> test) {
        for (Object element : list(map, member)) {
            if (element instanceof Map<?, ?> m && test.test(m)) {
                return true;
            }
        }
        return false;
    }
}

package dev.airlock.plan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the plain maps a probe channel answers with, by SDK member names, without a cast at every step. */
public final class Fields {

    private Fields() {
    }

    /** The value at {@code path} (map members; a list on the way takes its first element), or null. */
    public static Object at(Object root, String... path) {
        Object v = root;
        for (String name : path) {
            if (v instanceof List<?> list) {
                v = list.isEmpty() ? null : list.get(0);
            }
            if (!(v instanceof Map<?, ?> map)) {
                return null;
            }
            v = map.get(name);
        }
        return v;
    }

    public static String text(Object root, String... path) {
        Object v = at(root, path);
        return v == null ? null : String.valueOf(v);
    }

    /** The number at {@code path}, or -1 when there is none. */
    public static long number(Object root, String... path) {
        Object v = at(root, path);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The flag at {@code path}; null when there is none. */
    public static Boolean flag(Object root, String... path) {
        Object v = at(root, path);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof String s ? Boolean.valueOf(s) : null;
    }

    /** The structures of the list at {@code path}; empty when there is none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object root, String... path) {
        Object v = at(root, path);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?>) {
                    out.add((Map<String, Object>) e);
                }
            }
        }
        return out;
    }

    /** The texts of the list at {@code path}; empty when there is none. */
    public static List<String> texts(Object root, String... path) {
        Object v = at(root, path);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof String || e instanceof Number) {
                    out.add(String.valueOf(e));
                }
            }
        }
        return out;
    }
}

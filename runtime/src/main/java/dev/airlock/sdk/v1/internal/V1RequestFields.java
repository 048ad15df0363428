package dev.airlock.sdk.v1.internal;

import com.amazonaws.AmazonWebServiceRequest;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A v1 request's fields as plain Java values, named as the API names them ({@code TableName}), read from its
 * bean getters. Streams, files and buffers are never read; nesting and collection sizes are bounded. The S3
 * client's {@code BucketName} is also given as {@code Bucket}, the API's name for it.
 */
public final class V1RequestFields {

    private static final int MAX_DEPTH = 5;
    private static final int MAX_ITEMS = 1000;

    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> out = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (readable(m)) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparing(Method::getName));
            return List.copyOf(out);
        }
    };

    private V1RequestFields() {
    }

    public static Map<String, Object> of(AmazonWebServiceRequest request) {
        if (request == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) bean(request, 0);
        if (fields.containsKey("BucketName") && !fields.containsKey("Bucket")) {
            fields.put("Bucket", fields.get("BucketName"));
        }
        return fields;
    }

    private static boolean readable(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
            return false;
        }
        Class<?> owner = m.getDeclaringClass();
        if (owner == Object.class || owner == AmazonWebServiceRequest.class
                || !Modifier.isPublic(owner.getModifiers())) {
            return false;
        }
        String name = m.getName();
        boolean getter = (name.startsWith("get") && name.length() > 3)
                || (name.startsWith("is") && name.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class));
        Class<?> type = m.getReturnType();
        return getter && type != void.class && !InputStream.class.isAssignableFrom(type)
                && !File.class.isAssignableFrom(type) && !ByteBuffer.class.isAssignableFrom(type)
                && type != byte[].class && !name.equals("getClass");
    }

    private static Object bean(Object value, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Method m : GETTERS.get(value.getClass())) {
            Object v;
            try {
                v = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            Object plain = plain(v, depth + 1);
            if (plain != null) {
                String name = m.getName();
                out.put(name.startsWith("is") ? name.substring(2) : name.substring(3), plain);
            }
        }
        return out;
    }

    private static Object plain(Object v, int depth) {
        if (v == null || depth > MAX_DEPTH) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.toString();
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        if (v instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            for (Object o : c) {
                if (list.size() >= MAX_ITEMS) {
                    break;
                }
                Object p = plain(o, depth + 1);
                if (p != null) {
                    list.add(p);
                }
            }
            return list;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (map.size() >= MAX_ITEMS) {
                    break;
                }
                Object p = plain(e.getValue(), depth + 1);
                if (p != null) {
                    map.put(String.valueOf(e.getKey()), p);
                }
            }
            return map;
        }
        if (v.getClass().getName().startsWith("com.amazonaws.")) {
            return bean(v, depth);
        }
        return null;
    }
}

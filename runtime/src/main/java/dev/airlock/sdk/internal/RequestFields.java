package dev.airlock.sdk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK request as plain Java values the engine can read in its own class loader: each set member under its
 * API member name ({@code Bucket}, {@code Delete} ...), nested structures as maps, lists as lists, enums as their
 * string value, timestamps as ISO-8601 text, numbers and booleans as themselves; binary data and streams as a
 * short placeholder such as {@code (binary, 12 bytes)}. Members that are not set are left out.
 *
 * <p>The structure is read in full: every member, every list element and every map entry, so that no size limit
 * can hide the part of a request that destroys (a {@code BatchWriteItem} whose first entry is a large Put and
 * whose last is a DeleteRequest). Only values are bounded, so that a huge request cannot exhaust the host's
 * memory: strings longer than {@link #MAX_STRING} characters are cut, and once {@link #MAX_CHARS} characters of
 * text have been kept, later strings are kept as a placeholder. Nesting deeper than {@link #MAX_DEPTH} is not
 * followed; then the map carries {@link #CUT} = true, and the engine decides the call as if the unread part were
 * destructive.
 */
public final class RequestFields {

    public static final int MAX_VALUES = 100_000;
    public static final int MAX_CHARS = 4_000_000;
    public static final int MAX_STRING = 256 * 1024;
    public static final int MAX_DEPTH = 32;

    /** Set on the top-level map when part of the request's structure could not be read. */
    public static final String CUT = "(airlock:structure-cut)"; // = ActionCatalog.STRUCTURE_CUT

    private boolean cut;

    private int values;
    private int chars;

    private RequestFields() {
    }

    /** The request's members; empty for a null request. */
    public static Map<String, Object> of(SdkRequest request) {
        return ofPojo(request);
    }

    /** The members of any SDK structure, a response included; empty for null. */
    public static Map<String, Object> ofPojo(SdkPojo pojo) {
        if (pojo == null) {
            return Map.of();
        }
        RequestFields reader = new RequestFields();
        return reader.top(pojo);
    }

    /**
     * The top-level members, as {@link #pojo} reads them, kept in a {@link MemberMap} while few; {@link #CUT}
     * comes last when part of the structure could not be read.
     */
    private Map<String, Object> top(SdkPojo pojo) {
        List<SdkField<?>> fields = pojo.sdkFields();
        Members members = Members.of(pojo.getClass(), fields);
        String[] names = new String[Math.min(fields.size() + 1, MemberMap.MAX_SCANNED)];
        Object[] values = new Object[names.length];
        int size = 0;
        for (int i = 0; i < fields.size(); i++) {
            SdkField<?> field = fields.get(i);
            Object value = members != null ? members.rawValue(i, field, pojo) : rawValue(field, pojo);
            if (isUnset(value)) {
                continue;
            }
            Object converted = value(value, 1);
            if (converted == null) {
                continue;
            }
            String name = members != null ? members.names[i] : memberName(field);
            size = put(names, values, size, name, converted);
            if (size < 0) {
                return inHashMap(pojo); // more members set than the arrays hold
            }
        }
        if (cut) {
            size = put(names, values, size, CUT, Boolean.TRUE);
            if (size < 0) {
                return inHashMap(pojo);
            }
        }
        return new MemberMap(names, values, size);
    }

    /** Puts as a LinkedHashMap would (a repeated name keeps its place, takes the new value); -1 when full. */
    private static int put(String[] names, Object[] values, int size, String name, Object value) {
        for (int j = 0; j < size; j++) {
            if (names[j].equals(name)) {
                values[j] = value;
                return size;
            }
        }
        if (size == names.length) {
            return -1;
        }
        names[size] = name;
        values[size] = value;
        return size + 1;
    }

    /**
     * A large request, read again from the start by a fresh reader into a hash map; what every request was read
     * into before {@link MemberMap}, which the tests hold it to.
     */
    static Map<String, Object> inHashMap(SdkPojo pojo) {
        RequestFields reader = new RequestFields();
        Map<String, Object> fields = reader.pojo(pojo, 0);
        if (reader.cut) {
            fields.put(CUT, Boolean.TRUE);
        }
        return Collections.unmodifiableMap(fields);
    }

    private Map<String, Object> pojo(SdkPojo pojo, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<SdkField<?>> fields = pojo.sdkFields();
        Members members = Members.of(pojo.getClass(), fields);
        for (int i = 0; i < fields.size(); i++) {
            SdkField<?> field = fields.get(i);
            Object value = members != null ? members.rawValue(i, field, pojo) : rawValue(field, pojo);
            if (isUnset(value)) {
                continue;
            }
            Object converted = value(value, depth + 1);
            if (converted != null) {
                out.put(members != null ? members.names[i] : memberName(field), converted);
            }
        }
        return out;
    }

    /**
     * What every read of a structure type needs to know of its members, worked out once per type: each member's
     * name and whether it has a default (read through the request's accessor, see {@link #rawValue}). Each read
     * asks the SDK for these again otherwise, a trait look-up or two per member, set or not.
     */
    private static final class Members {

        private static final ClassValue<Members[]> BY_TYPE = new ClassValue<>() {
            @Override
            protected Members[] computeValue(Class<?> type) {
                return new Members[1];
            }
        };

        /** The type's field list these were worked out from; a pojo that hands out another is read field by field. */
        private final List<SdkField<?>> fields;
        private final String[] names;
        private final boolean[] hasDefault;

        private Members(List<SdkField<?>> fields) {
            this.fields = fields;
            this.names = new String[fields.size()];
            this.hasDefault = new boolean[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = memberName(fields.get(i));
                hasDefault[i] = fields.get(i).containsTrait(DefaultValueTrait.class);
            }
        }

        /** The members of {@code type}, when {@code fields} is the list they were worked out from; else null. */
        static Members of(Class<?> type, List<SdkField<?>> fields) {
            Members[] slot = BY_TYPE.get(type);
            Members members = slot[0];
            if (members == null) {
                members = new Members(fields);
                slot[0] = members; // a race makes an equal one: either may stay
            }
            return members.fields == fields ? members : null;
        }

        Object rawValue(int i, SdkField<?> field, SdkPojo pojo) {
            if (!hasDefault[i]) {
                return field.getValueOrDefault(pojo);
            }
            if (pojo instanceof SdkRequest) {
                return ((SdkRequest) pojo).getValueForField(names[i], Object.class).orElse(null);
            }
            return null;
        }
    }

    /** False on SDK releases before 2.14 or so, whose fields have no member name. */
    private static volatile boolean hasMemberNames = true;

    /**
     * The member's API name; on releases whose fields lack one, the name it has on the wire, which for most
     * members (and every JSON protocol) is the same.
     */
    private static String memberName(SdkField<?> field) {
        if (hasMemberNames) {
            try {
                return field.memberName();
            } catch (NoSuchMethodError e) {
                hasMemberNames = false;
            }
        }
        return field.locationName();
    }

    /**
     * The member's value as the caller set it. {@link SdkField#getValueOrDefault} would fill an unset member that
     * has a default, and for idempotency tokens that default is a fresh random token: reading the request must
     * not invent one, so such members are read through the request's own accessor, which has no default.
     */
    private static Object rawValue(SdkField<?> field, SdkPojo pojo) {
        if (!field.containsTrait(DefaultValueTrait.class)) {
            return field.getValueOrDefault(pojo);
        }
        if (pojo instanceof SdkRequest) {
            return ((SdkRequest) pojo).getValueForField(memberName(field), Object.class).orElse(null);
        }
        return null;
    }

    private static boolean isUnset(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private Object value(Object v, int depth) {
        values++;
        if (v instanceof String) {
            return text((String) v);
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof BigDecimal
                || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Instant) {
            return v.toString();
        }
        if (v instanceof Enum<?>) {
            return text(v.toString());
        }
        if (v instanceof SdkNumber) {
            return ((SdkNumber) v).bigDecimalValue();
        }
        if (v instanceof SdkBytes) {
            return "(binary, " + ((SdkBytes) v).asByteBuffer().remaining() + " bytes)";
        }
        if (depth > MAX_DEPTH) {
            cut = true;
            return "(nested too deep, not shown)";
        }
        if (v instanceof SdkPojo) {
            return pojo((SdkPojo) v, depth);
        }
        if (v instanceof List<?>) {
            return list((List<?>) v, depth);
        }
        if (v instanceof Map<?, ?>) {
            return map((Map<?, ?>) v, depth);
        }
        if (v instanceof Document) {
            return document((Document) v, depth);
        }
        return "(" + v.getClass().getSimpleName() + ")";
    }

    private List<Object> list(List<?> in, int depth) {
        List<Object> out = new ArrayList<>(Math.min(in.size(), 1024));
        for (Object element : in) {
            if (element != null) {
                Object converted = value(element, depth + 1);
                if (converted != null) {
                    out.add(converted);
                }
            }
        }
        return out;
    }

    private Map<String, Object> map(Map<?, ?> in, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
            if (e.getValue() != null) {
                Object converted = value(e.getValue(), depth + 1);
                if (converted != null) {
                    out.put(key(String.valueOf(e.getKey())), converted);
                }
            }
        }
        return out;
    }

    private Object document(Document d, int depth) {
        if (d.isNull()) {
            return null;
        }
        if (d.isString()) {
            return text(d.asString());
        }
        if (d.isBoolean()) {
            return d.asBoolean();
        }
        if (d.isNumber()) {
            return d.asNumber().bigDecimalValue();
        }
        if (d.isList()) {
            return list(d.asList(), depth);
        }
        if (d.isMap()) {
            return map(d.asMap(), depth);
        }
        return "(document)";
    }

    /** Map keys are structure (a table name in RequestItems): cut only when absurdly long, never dropped. */
    private static String key(String k) {
        return k.length() <= MAX_STRING ? k : k.substring(0, MAX_STRING) + "...(" + (k.length() - MAX_STRING)
                + " more characters)";
    }

    private String text(String s) {
        if (chars >= MAX_CHARS) {
            return "(" + s.length() + " characters, not kept)";
        }
        int room = Math.min(MAX_STRING, Math.max(0, MAX_CHARS - chars));
        if (s.length() <= room) {
            chars += s.length();
            return s;
        }
        chars += room;
        return s.substring(0, room) + "...(" + (s.length() - room) + " more characters)";
    }
}

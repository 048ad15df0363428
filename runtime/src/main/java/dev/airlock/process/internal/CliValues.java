package dev.airlock.process.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter value of the aws CLI as the request field the CLI would send: JSON, {@code file://} (the file's
 * JSON or text), {@code fileb://} (binary, kept as its path), and shorthand syntax
 * ({@code Changes=[{Action=DELETE,ResourceRecordSet={Name=a,Type=A}}]}). So request rules see the batch with a
 * delete, the lifecycle rule that expires objects or the DELETE change, however the agent wrote them.
 */
final class CliValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 32;

    private CliValues() {
    }

    static Object of(Word w, Path directory) {
        String t = w.text();
        if (w.dynamic()) {
            return t;
        }
        if (t.matches("-?\\d{1,17}")) {
            return Long.parseLong(t);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        if (t.startsWith("file://")) {
            String text = ScriptFiles.read(ScriptFiles.resolve(directory, t.substring("file://".length())));
            if (text == null) {
                // Unread, the value stays the path: unknown content never reads as a harmless request.
                return t;
            }
            Object parsed = structured(text.strip());
            return parsed != null ? parsed : text;
        }
        Object parsed = structured(t);
        return parsed != null ? parsed : t;
    }

    /** JSON or shorthand; null when the text is neither. */
    private static Object structured(String t) {
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readValue(t, Object.class);
            } catch (Exception e) {
                // not JSON: it may still be shorthand with a list
            }
        }
        if (t.matches("(?s)[A-Za-z][A-Za-z0-9_]*=.*")) {
            try {
                Shorthand p = new Shorthand(t);
                Map<String, Object> m = p.struct(false, 0);
                return p.pos >= t.length() ? m : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The CLI's shorthand: {@code K=V,K=[a,b],K={A=1}}; a bare item after a list value extends it. */
    private static final class Shorthand {
        private final String s;
        int pos;

        Shorthand(String s) {
            this.s = s;
        }

        Map<String, Object> struct(boolean braced, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("too deep");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            String last = null;
            while (pos < s.length()) {
                if (braced && peek() == '}') {
                    pos++;
                    return out;
                }
                int eq = s.indexOf('=', pos);
                int stop = nextStop();
                if (eq < 0 || (stop >= 0 && stop < eq)) {
                    Object item = value(depth);
                    if (last == null) {
                        throw new IllegalArgumentException("item without a key");
                    }
                    Object prev = out.get(last);
                    List<Object> list = prev instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(prev));
                    list.add(item);
                    out.put(last, list);
                } else {
                    last = s.substring(pos, eq).trim();
                    pos = eq + 1;
                    out.put(last, value(depth));
                }
                if (pos < s.length() && peek() == ',') {
                    pos++;
                }
            }
            if (braced) {
                throw new IllegalArgumentException("unclosed {");
            }
            return out;
        }

        private Object value(int depth) {
            if (pos < s.length() && peek() == '{') {
                pos++;
                return struct(true, depth + 1);
            }
            if (pos < s.length() && peek() == '[') {
                pos++;
                List<Object> list = new ArrayList<>();
                while (pos < s.length() && peek() != ']') {
                    list.add(value(depth + 1));
                    if (pos < s.length() && peek() == ',') {
                        pos++;
                    }
                }
                pos++;
                return list;
            }
            int start = pos;
            while (pos < s.length() && ",]}".indexOf(peek()) < 0) {
                pos++;
            }
            String text = s.substring(start, pos).trim();
            if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                    || text.startsWith("'") && text.endsWith("'"))) {
                text = text.substring(1, text.length() - 1);
            }
            return text;
        }

        private int nextStop() {
            for (int i = pos; i < s.length(); i++) {
                if (",]}".indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private char peek() {
            return s.charAt(pos);
        }
    }
}

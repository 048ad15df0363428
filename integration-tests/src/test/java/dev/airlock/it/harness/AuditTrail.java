package dev.airlock.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An audit file as a reader meets it: one JSON object per line. Fields are looked up by name at the top level
 * first, then in nested objects, so the reader does not depend on how the record groups them.
 */
public final class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record and the line it sits on. */
    public record Entry(int line, JsonNode json) {

        /** The text of the first field called {@code name}, or null. */
        public String field(String name) {
            JsonNode n = json.get(name);
            if (n == null) {
                n = json.findValue(name);
            }
            return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
        }

        public String operation() {
            return field("operation");
        }

        public String verdict() {
            return field("verdict");
        }

        /** The main IAM action: {@code action}, or the first of the call's {@code actions}. */
        public String action() {
            String action = field("action");
            if (action != null) {
                return action;
            }
            JsonNode actions = json.findValue("actions");
            return actions != null && actions.isArray() && !actions.isEmpty() ? actions.get(0).asText() : null;
        }

        /** True when any text value anywhere in the record contains {@code text}. */
        public boolean mentions(String text) {
            return mentions(json, text);
        }

        private static boolean mentions(JsonNode node, String text) {
            if (node.isTextual()) {
                return node.asText().contains(text);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                if (mentions(it.next(), text)) {
                    return true;
                }
            }
            return false;
        }

        /** Every text value in the record, for checks over long lists such as the keys of a DeleteObjects. */
        public List<String> texts() {
            List<String> out = new ArrayList<>();
            collect(json, out);
            return out;
        }

        private static void collect(JsonNode node, List<String> out) {
            if (node.isTextual()) {
                out.add(node.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), out);
            }
            if (node.isArray()) {
                node.forEach(n -> collect(n, out));
            }
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private AuditTrail(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** Reads the file; a missing file reads as empty. A line that is not JSON fails the read, naming the line. */
    public static AuditTrail read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        entries.add(new Entry(i + 1, JSON.readTree(lines.get(i))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("audit file " + file + " is not JSON lines: " + e.getMessage(), e);
            }
        }
        return new AuditTrail(file, entries);
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first record of {@code operation} with {@code verdict} (PROCEED, DRY_RUN, HOLD, DENY). */
    public Optional<Entry> find(String operation, String verdict) {
        return entries.stream()
                .filter(e -> operation.equals(e.operation()) && verdict.equals(e.verdict()))
                .findFirst();
    }

    public List<Entry> withVerdict(String verdict) {
        return entries.stream().filter(e -> verdict.equals(e.verdict())).toList();
    }

    /** A short listing for failure messages. */
    public String describe() {
        if (entries.isEmpty()) {
            return "(no audit records in " + file + (Files.exists(file) ? ")" : ": the file does not exist)");
        }
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append("  ").append(e.line()).append(": ").append(e.operation()).append(' ').append(e.verdict())
                    .append('\n');
        }
        return sb.toString();
    }
}

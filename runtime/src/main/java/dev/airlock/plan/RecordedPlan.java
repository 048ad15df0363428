package dev.airlock.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dry run's plan as it was recorded ({@code plan-*.jsonl}), read back for a human: what would have been
 * destroyed, by which tool, in what order and how much of it. {@code airlock plan FILE} renders it.
 */
public final class RecordedPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call not sent, in the order it came. */
    public record Step(int number, String time, String tool, String action, String reason, List<String> resources,
                       Map<String, Long> measures, Map<String, String> facts, List<String> details,
                       List<String> notes, String summary) {
    }

    private final Path file;
    private final List<Step> steps;
    private final List<String> unreadable;

    private RecordedPlan(Path file, List<Step> steps, List<String> unreadable) {
        this.file = file;
        this.steps = List.copyOf(steps);
        this.unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a plan file; a line that is not a plan (cut off by a crash, edited) is reported, not fatal.
     *
     * @throws IOException when the file cannot be read at all
     */
    public static RecordedPlan read(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n == null || !n.isObject() || !n.has("action")) {
                        throw new IOException("not a plan line");
                    }
                    steps.add(step(steps.size() + 1, n));
                } catch (IOException e) {
                    unreadable.add("line " + lineNumber + ": " + e.getMessage().split("\n")[0]);
                }
            }
        }
        return new RecordedPlan(file, steps, unreadable);
    }

    private static Step step(int number, JsonNode n) {
        Map<String, Long> measures = new LinkedHashMap<>();
        n.path("measures").fields().forEachRemaining(e -> measures.put(e.getKey(), e.getValue().asLong()));
        Map<String, String> facts = new LinkedHashMap<>();
        n.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        return new Step(number, n.path("time").asText(""), n.path("tool").asText("unknown-tool"),
                n.path("action").asText(), n.path("reason").asText(""), texts(n.path("resources")), measures, facts,
                texts(n.path("details")), texts(n.path("notes")), n.path("summary").asText(""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Lines that could not be read, with their numbers. */
    public List<String> unreadable() {
        return unreadable;
    }

    /** Every count of every step, added up by what it counts. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        steps.forEach(s -> s.measures().forEach((k, v) -> totals.merge(k, v, Long::sum)));
        return totals;
    }

    /** The plan as a table a human reads, each step followed by what it would have destroyed. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("Airlock dry-run plan: ").append(file).append('\n');
        sb.append(steps.size()).append(" call(s) were not sent, in this order:\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "time", "tool", "action", "resource", "how much"});
        for (Step s : steps) {
            rows.add(new String[] {String.valueOf(s.number()), s.time(), s.tool(), s.action(), resources(s),
                    counts(s.measures())});
        }
        int[] width = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], Math.min(row[i].length(), i == 4 ? 60 : 200));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i == 4 && row[i].length() > 60 ? row[i].substring(0, 57) + "..." : row[i];
                sb.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", cell));
            }
            sb.setLength(sb.length() - trailingSpaces(sb));
            sb.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        sb.append("\nWhat each call would have destroyed:\n");
        for (Step s : steps) {
            sb.append("\n").append(s.number()).append(". ").append(s.action()).append(" (").append(s.tool())
                    .append(") - ").append(s.reason()).append('\n');
            if (s.resources().size() > 1 || (s.details().isEmpty() && !s.resources().isEmpty())) {
                s.resources().stream().limit(20).forEach(r -> sb.append("   resource ").append(r).append('\n'));
                if (s.resources().size() > 20) {
                    sb.append("   ... and ").append(s.resources().size() - 20).append(" more resources\n");
                }
            }
            s.facts().forEach((k, v) -> sb.append("   ").append(k).append(": ").append(v).append('\n'));
            s.details().forEach(d -> sb.append("   ").append(d).append('\n'));
            s.notes().forEach(n -> sb.append("   note: ").append(n).append('\n'));
        }
        Map<String, Long> totals = totals();
        if (!totals.isEmpty()) {
            sb.append("\nIn all: ").append(counts(totals)).append('\n');
        }
        unreadable.forEach(u -> sb.append("unreadable ").append(u).append('\n'));
        return sb.toString();
    }

    /** The plan as one JSON document: the file, the steps in order, the totals. */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file.toString());
        ArrayNode array = root.putArray("steps");
        for (Step s : steps) {
            ObjectNode o = array.addObject();
            o.put("number", s.number());
            o.put("time", s.time());
            o.put("tool", s.tool());
            o.put("action", s.action());
            o.put("reason", s.reason());
            o.put("summary", s.summary());
            s.resources().forEach(o.putArray("resources")::add);
            ObjectNode m = o.putObject("measures");
            s.measures().forEach(m::put);
            ObjectNode f = o.putObject("facts");
            s.facts().forEach(f::put);
            s.details().forEach(o.putArray("details")::add);
            s.notes().forEach(o.putArray("notes")::add);
        }
        ObjectNode t = root.putObject("totals");
        totals().forEach(t::put);
        unreadable.forEach(root.putArray("unreadable")::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resources(Step s) {
        if (s.resources().isEmpty()) {
            return "-";
        }
        return s.resources().size() == 1 ? s.resources().get(0)
                : s.resources().get(0) + " and " + (s.resources().size() - 1) + " more";
    }

    private static String counts(Map<String, Long> measures) {
        if (measures.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(measures).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d", v)).append(' ').append(k));
        return sb.toString();
    }

    private static int trailingSpaces(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }
}

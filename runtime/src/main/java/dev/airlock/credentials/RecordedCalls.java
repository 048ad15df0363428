package dev.airlock.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IAM policy that recorded calls needed, the way iamlive writes one: every action seen, on the resources it
 * was seen on, actions that share resources in one statement. A call recorded without its resources (a read
 * that took the fast path) needs its action on {@code *}.
 */
public final class RecordedCalls {

    private final Map<String, Set<String>> byAction = new TreeMap<>();

    /**
     * Adds one audit record; records of other kinds (gaps) and, unless {@code includeStopped}, calls that did not
     * proceed are ignored.
     */
    public void add(JsonNode record, boolean includeStopped) {
        String verdict = record.path("verdict").asText("");
        if (verdict.isEmpty() || (!includeStopped && !verdict.equals("PROCEED"))) {
            return;
        }
        JsonNode call = record.get("call");
        List<String> actions = new ArrayList<>();
        Set<String> resources = new TreeSet<>();
        if (call != null) {
            call.path("actions").forEach(a -> actions.add(a.asText()));
            call.path("resources").forEach(r -> resources.add(r.asText()));
        } else if (record.hasNonNull("action")) {
            actions.add(record.get("action").asText());
        }
        if (resources.isEmpty()) {
            resources.add("*");
        }
        for (String action : actions) {
            Set<String> arns = byAction.computeIfAbsent(action, a -> new TreeSet<>());
            if (arns.contains("*")) {
                continue;
            }
            if (resources.contains("*")) {
                arns.clear();
                arns.add("*");
            } else {
                arns.addAll(resources);
            }
        }
    }

    /** The policy document: {@code Version} and one {@code Allow} statement per distinct set of resources. */
    public Map<String, Object> policy() {
        return dev.airlock.credentials.internal.SessionPolicyWriter.document(byAction);
    }
}

package dev.airlock.plan.internal;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the probes of one call found, gathered as they go and turned into a {@link Plan} at the end. Shared by
 * the probe's thread and the deciding one (which reads what there is when the probe times out), so synchronized.
 */
public final class Findings {

    private final Map<String, Long> measures = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> details = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long detailsLeftOut;

    public synchronized Findings add(String what, long n) {
        measures.merge(what, n, Long::sum);
        return this;
    }

    public synchronized Findings set(String what, long n) {
        measures.put(what, n);
        return this;
    }

    public synchronized Findings fact(String what, Object value) {
        if (value != null) {
            facts.put(what, String.valueOf(value));
        }
        return this;
    }

    public synchronized Findings detail(String line) {
        if (details.size() < Plan.MAX_DETAILS) {
            details.add(line);
        } else {
            detailsLeftOut++;
        }
        return this;
    }

    public synchronized Findings note(String line) {
        notes.add(line);
        return this;
    }

    /** True when nothing at all was found or noted. */
    public synchronized boolean isEmpty() {
        return measures.isEmpty() && facts.isEmpty() && details.isEmpty() && notes.isEmpty();
    }

    /** The plan of {@code call} with what was found so far. */
    public synchronized Plan plan(Call call) {
        Plan base = Plan.fromRequest(call);
        List<String> d = new ArrayList<>(details);
        if (detailsLeftOut > 0) {
            d.add("... and " + detailsLeftOut + " more not listed");
        }
        Plan partial = new Plan(base.summary(), call.resources(), measures, facts, d, notes);
        StringBuilder summary = new StringBuilder(base.summary());
        String counts = partial.measuresText();
        if (!counts.isEmpty()) {
            summary.append(": ").append(counts);
        }
        facts.forEach((k, v) -> summary.append("; ").append(k).append(": ").append(v));
        if (!notes.isEmpty()) {
            summary.append(" (").append(String.join("; ", notes)).append(')');
        }
        return new Plan(summary.toString(), call.resources(), measures, facts, d, notes);
    }
}

package dev.airlock.plan.internal;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human-readable account of a dry run: how many calls were not sent, grouped by action, each with the
 * resources it would have touched. Long lists are cut to their first few, with counts, since the JSON-lines
 * plan beside it holds every one. Not thread-safe: the book guards it.
 */
final class PlanSummary {

    /** Resources listed per action; the rest are counted. */
    static final int SHOWN_PER_ACTION = 20;
    /** Distinct resources remembered per action, to count them without holding an unbounded set. */
    private static final int REMEMBERED_PER_ACTION = 100_000;

    private final Map<String, Tally> byAction = new LinkedHashMap<>();
    private long calls;

    void add(Call call, Plan plan) {
        calls++;
        Tally tally = byAction.computeIfAbsent(call.action(), a -> new Tally());
        tally.calls++;
        for (String resource : plan.resources()) {
            tally.mentions++;
            if (tally.distinct.size() < REMEMBERED_PER_ACTION) {
                tally.distinct.add(resource);
            } else if (!tally.distinct.contains(resource)) {
                tally.uncounted++;
            }
        }
        plan.measures().forEach((what, n) -> tally.measures.merge(what, n, Long::sum));
    }

    long calls() {
        return calls;
    }

    String render(String tool, Path planFile, Instant now) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("Airlock dry run: ").append(calls).append(" call(s) were not sent.\n");
        sb.append("Tool: ").append(tool).append('\n');
        sb.append("Every call, with its reason and fingerprint: ").append(planFile).append('\n');
        sb.append("Written: ").append(now.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        sb.append("By action:\n");
        byAction.forEach((action, t) -> sb.append(String.format(Locale.ROOT, "  %-40s %,d call(s), %,d resource(s)%n",
                action, t.calls, t.distinctCount())));
        byAction.forEach((action, t) -> renderAction(sb, action, t));
        return sb.toString();
    }

    private static void renderAction(StringBuilder sb, String action, Tally t) {
        sb.append('\n').append(action).append(": ").append(String.format(Locale.ROOT, "%,d", t.calls))
                .append(" call(s) not sent, ").append(String.format(Locale.ROOT, "%,d", t.distinctCount()))
                .append(" distinct resource(s)");
        if (t.mentions != t.distinctCount()) {
            sb.append(String.format(Locale.ROOT, " (%,d mentions)", t.mentions));
        }
        sb.append('\n');
        if (!t.measures.isEmpty()) {
            sb.append("  would affect:");
            t.measures.forEach((what, n) -> sb.append(String.format(Locale.ROOT, " %,d %s;", n, what)));
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        int shown = 0;
        for (String resource : t.distinct) {
            if (shown == SHOWN_PER_ACTION) {
                break;
            }
            sb.append("  ").append(resource).append('\n');
            shown++;
        }
        long more = t.distinctCount() - shown;
        if (more > 0) {
            sb.append(String.format(Locale.ROOT, "  ... and %,d more (all in the .jsonl plan)%n", more));
        }
    }

    private static final class Tally {
        long calls;
        long mentions;
        long uncounted;
        final Set<String> distinct = new LinkedHashSet<>();
        final Map<String, Long> measures = new TreeMap<>();

        /** Exact up to the remembered limit; beyond it, new resources are counted as they come. */
        long distinctCount() {
            return distinct.size() + uncounted;
        }
    }
}

package dev.airlock.plan;

import dev.airlock.call.Call;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a destructive call would destroy: its blast radius. Built from the request, and filled by read-only probes
 * through the call's own client where Airlock knows the service: counts ({@code objects}, {@code bytes},
 * {@code items}, {@code messages}), facts (object lock, deletion protection, backups) and the things found, one a
 * line. A probe that failed or timed out says so in {@code notes}; the plan is still a plan.
 *
 * @param summary one line a human reads first, e.g. {@code s3:DeleteBucket would delete bucket demo-data: 7
 *                objects, 1,234 bytes}
 * @param resources the ARNs that would be destroyed or changed
 * @param measures counts by what they count ({@code objects}, {@code items}); empty when not probed
 * @param facts what a human weighs beside the counts, e.g. {@code deletion protection -> off}
 * @param details the things found, one a line, e.g. {@code object reports/q1.csv: 1,234 bytes}; bounded
 * @param notes what the probes could not tell, e.g. {@code probe timed out after 3 s}
 */
public record Plan(String summary, List<String> resources, Map<String, Long> measures, Map<String, String> facts,
                   List<String> details, List<String> notes) {

    /** Details kept per plan: the JSON-lines plan must stay readable even for a bucket of millions. */
    public static final int MAX_DETAILS = 1000;

    public Plan {
        resources = List.copyOf(resources);
        measures = Map.copyOf(measures);
        facts = Map.copyOf(facts);
        details = List.copyOf(details);
        notes = List.copyOf(notes);
    }

    public Plan(String summary, List<String> resources, Map<String, Long> measures) {
        this(summary, resources, measures, Map.of(), List.of(), List.of());
    }

    /** The plan the request alone supports: what, on which resources. */
    public static Plan fromRequest(Call call) {
        return new Plan(call.action() + " would act on " + target(call), call.resources(), Map.of());
    }

    /** The plan the request alone supports, with why nothing more is known. */
    public static Plan fromRequest(Call call, String note) {
        return new Plan(call.action() + " would act on " + target(call) + " (" + note + ")", call.resources(),
                Map.of(), Map.of(), List.of(), List.of(note));
    }

    /**
     * How many things the call destroys, for budgets counted in resources: the largest count the probes found
     * ({@code objects} in a bucket, {@code items} in a table), else the resources named in the request.
     */
    public long resourcesDestroyed() {
        long most = 0;
        for (String what : List.of("objects", "versions", "items", "messages", "stack resources", "instances")) {
            Long n = measures.get(what);
            if (n != null) {
                most = Math.max(most, n);
            }
        }
        return Math.max(most, resources.size());
    }

    /** The counts as a human reads them: {@code 7 objects, 1,234 bytes}. */
    public String measuresText() {
        StringBuilder sb = new StringBuilder();
        measures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(sb.length() == 0
                ? "" : ", ").append(String.format(Locale.ROOT, "%,d", e.getValue())).append(' ').append(e.getKey()));
        return sb.toString();
    }

    private static String target(Call call) {
        int n = call.resources().size();
        return n == 1 ? call.resources().get(0) : n + " resources";
    }
}

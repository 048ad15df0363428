package dev.airlock.plan;

import dev.airlock.call.Call;
import java.util.List;
import java.util.Map;

/**
 * What a destructive call would destroy: its blast radius. Today built from the request alone; read-only
 * probes through the call's own endpoint fill {@code measures} (objects, bytes, items, messages...).
 *
 * @param summary one line a human reads first, e.g. {@code s3:DeleteBucket would delete bucket demo-data}
 * @param resources the ARNs that would be destroyed or changed
 * @param measures counts by what they count ({@code objects}, {@code items}); empty when not probed
 */
public record Plan(String summary, List<String> resources, Map<String, Long> measures) {

    public Plan {
        resources = List.copyOf(resources);
        measures = Map.copyOf(measures);
    }

    /** The plan the request alone supports: what, on which resources. */
    public static Plan fromRequest(Call call) {
        int n = call.resources().size();
        String target = n == 1 ? call.resources().get(0) : n + " resources";
        return new Plan(call.action() + " would act on " + target, call.resources(), Map.of());
    }
}

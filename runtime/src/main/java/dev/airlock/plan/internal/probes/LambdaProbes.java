package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.Map;

/** Lambda DeleteFunction: the aliases and the event sources that feed the function. */
final class LambdaProbes {

    private LambdaProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("lambda:DeleteFunction", LambdaProbes::function);
    }

    static void function(Call call, ProbeReads reads, Findings out) throws Exception {
        String function = Fields.text(call.parameters(), "FunctionName");
        if (function == null) {
            out.note("the request names no function");
            return;
        }
        long[] n = {0, 0};
        reads.pages("ListAliases", Map.of("FunctionName", function), "Marker", "NextMarker", page -> {
            for (Map<String, Object> a : Fields.maps(page, "Aliases")) {
                n[0]++;
                out.detail("alias " + Fields.text(a, "Name") + " -> version " + Fields.text(a, "FunctionVersion"));
            }
        });
        reads.pages("ListEventSourceMappings", Map.of("FunctionName", function), "Marker", "NextMarker", page -> {
            for (Map<String, Object> m : Fields.maps(page, "EventSourceMappings")) {
                n[1]++;
                out.detail("event source " + Fields.text(m, "EventSourceArn") + " (" + Fields.text(m, "State") + ")");
            }
        });
        out.set("aliases", n[0]).set("event sources", n[1]);
    }
}

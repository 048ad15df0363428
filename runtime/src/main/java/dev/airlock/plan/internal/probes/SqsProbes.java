package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.List;
import java.util.Map;

/** SQS: the messages a PurgeQueue or DeleteQueue would throw away, as the queue counts them. */
final class SqsProbes {

    private SqsProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("sqs:PurgeQueue", SqsProbes::queue);
        probes.put("sqs:DeleteQueue", SqsProbes::queue);
    }

    static void queue(Call call, ProbeReads reads, Findings out) throws Exception {
        String url = Fields.text(call.parameters(), "QueueUrl");
        if (url == null) {
            out.note("the request names no queue");
            return;
        }
        Map<String, Object> attributes = reads.read("GetQueueAttributes", Map.of("QueueUrl", url,
                "AttributeNames", List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                        "ApproximateNumberOfMessagesDelayed")));
        long visible = Fields.number(attributes, "Attributes", "ApproximateNumberOfMessages");
        long inFlight = Fields.number(attributes, "Attributes", "ApproximateNumberOfMessagesNotVisible");
        long delayed = Fields.number(attributes, "Attributes", "ApproximateNumberOfMessagesDelayed");
        out.set("messages", Math.max(0, visible) + Math.max(0, inFlight) + Math.max(0, delayed));
        if (inFlight > 0 || delayed > 0) {
            out.fact("messages in flight", Math.max(0, inFlight)).fact("messages delayed", Math.max(0, delayed));
        }
    }
}

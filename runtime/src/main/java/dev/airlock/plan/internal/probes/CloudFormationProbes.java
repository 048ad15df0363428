package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudFormation: the resources a DeleteStack takes with it (and termination protection); for ExecuteChangeSet,
 * the resources the change set removes or replaces; for UpdateStack, which cannot be known without a change set,
 * the stack's resources as they stand.
 */
final class CloudFormationProbes {

    private CloudFormationProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("cloudformation:DeleteStack", CloudFormationProbes::deleteStack);
        probes.put("cloudformation:UpdateStack", CloudFormationProbes::updateStack);
        probes.put("cloudformation:ExecuteChangeSet", CloudFormationProbes::executeChangeSet);
    }

    static void deleteStack(Call call, ProbeReads reads, Findings out) throws Exception {
        String stack = Fields.text(call.parameters(), "StackName");
        if (stack == null) {
            out.note("the request names no stack");
            return;
        }
        Map<String, Object> described = reads.read("DescribeStacks", Map.of("StackName", stack));
        Boolean protection = Fields.flag(described, "Stacks", "EnableTerminationProtection");
        out.fact("termination protection", Boolean.TRUE.equals(protection) ? "on" : "off");
        out.fact("stack status", Fields.text(described, "Stacks", "StackStatus"));
        stackResources(stack, reads, out);
    }

    static void updateStack(Call call, ProbeReads reads, Findings out) throws Exception {
        String stack = Fields.text(call.parameters(), "StackName");
        if (stack == null) {
            out.note("the request names no stack");
            return;
        }
        out.note("which resources an update replaces is known only from a change set; these are the stack's "
                + "resources as they stand");
        stackResources(stack, reads, out);
    }

    static void executeChangeSet(Call call, ProbeReads reads, Findings out) throws Exception {
        String changeSet = Fields.text(call.parameters(), "ChangeSetName");
        if (changeSet == null) {
            out.note("the request names no change set");
            return;
        }
        Map<String, Object> request = new HashMap<>();
        request.put("ChangeSetName", changeSet);
        String stack = Fields.text(call.parameters(), "StackName");
        if (stack != null) {
            request.put("StackName", stack);
        }
        long[] counts = {0, 0};
        boolean all = reads.pages("DescribeChangeSet", request, "NextToken", "NextToken", page -> {
            for (Map<String, Object> change : Fields.maps(page, "Changes")) {
                String action = Fields.text(change, "ResourceChange", "Action");
                String replacement = Fields.text(change, "ResourceChange", "Replacement");
                String what = Fields.text(change, "ResourceChange", "ResourceType") + " "
                        + Fields.text(change, "ResourceChange", "LogicalResourceId");
                if ("Remove".equals(action)) {
                    counts[0]++;
                    out.detail("deletes " + what);
                } else if ("Modify".equals(action) && ("True".equals(replacement)
                        || "Conditional".equals(replacement))) {
                    counts[1]++;
                    out.detail("replaces " + what + ("Conditional".equals(replacement) ? " (perhaps)" : ""));
                }
            }
        });
        out.set("resources deleted", counts[0]).set("resources replaced", counts[1]);
        if (!all) {
            out.note("changes read in the first " + reads.maxPages() + " pages only");
        }
    }

    private static void stackResources(String stack, ProbeReads reads, Findings out) throws Exception {
        Map<String, Long> byType = new TreeMap<>();
        long[] n = {0};
        boolean all = reads.pages("ListStackResources", Map.of("StackName", stack), "NextToken", "NextToken",
                page -> {
                    for (Map<String, Object> r : Fields.maps(page, "StackResourceSummaries")) {
                        n[0]++;
                        String type = Fields.text(r, "ResourceType");
                        byType.merge(type, 1L, Long::sum);
                        out.detail(type + " " + Fields.text(r, "LogicalResourceId") + " ("
                                + Fields.text(r, "PhysicalResourceId") + ")");
                    }
                });
        out.set("stack resources", n[0]);
        if (!byType.isEmpty()) {
            StringBuilder types = new StringBuilder();
            byType.forEach((t, c) -> types.append(types.length() == 0 ? "" : ", ").append(c).append(' ').append(t));
            out.fact("resource types", types);
        }
        if (!all) {
            out.note("resources read in the first " + reads.maxPages() + " pages only: there are more");
        }
    }
}

package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.List;
import java.util.Map;

/**
 * EC2 TerminateInstances: EC2's own dry run of the very request (which answers with an error either way), and
 * for each instance its name, state, tags and the volumes that go with it (DeleteOnTermination).
 */
final class Ec2Probes {

    private Ec2Probes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("ec2:TerminateInstances", Ec2Probes::terminate);
    }

    static void terminate(Call call, ProbeReads reads, Findings out) throws Exception {
        List<String> ids = Fields.texts(call.parameters(), "InstanceIds");
        if (ids.isEmpty()) {
            out.note("the request names no instances");
            return;
        }
        try {
            reads.read("TerminateInstances", Map.of("InstanceIds", ids, "DryRun", true));
            out.fact("EC2 dry run", "answered without the expected DryRunOperation");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (ProbeErrors.notFound(e, "DryRunOperation")) {
                out.fact("EC2 dry run", "would succeed");
            } else if (ProbeErrors.notFound(e, "UnauthorizedOperation")) {
                out.fact("EC2 dry run", "would be refused: not authorized");
            } else {
                out.fact("EC2 dry run", "failed: " + ProbeErrors.why(e));
            }
        }
        long[] counts = {0, 0};
        reads.pages("DescribeInstances", Map.of("InstanceIds", ids), "NextToken", "NextToken", page -> {
            for (Map<String, Object> reservation : Fields.maps(page, "Reservations")) {
                for (Map<String, Object> instance : Fields.maps(reservation, "Instances")) {
                    counts[0]++;
                    StringBuilder line = new StringBuilder("instance ").append(Fields.text(instance, "InstanceId"));
                    StringBuilder tags = new StringBuilder();
                    for (Map<String, Object> tag : Fields.maps(instance, "Tags")) {
                        if ("Name".equals(Fields.text(tag, "Key"))) {
                            line.append(" \"").append(Fields.text(tag, "Value")).append('"');
                        }
                        tags.append(tags.length() == 0 ? "" : ", ").append(Fields.text(tag, "Key")).append('=')
                                .append(Fields.text(tag, "Value"));
                    }
                    line.append(" (").append(Fields.text(instance, "State", "Name")).append(')');
                    if (tags.length() > 0) {
                        line.append(" tags ").append(tags);
                    }
                    for (Map<String, Object> device : Fields.maps(instance, "BlockDeviceMappings")) {
                        if (Boolean.TRUE.equals(Fields.flag(device, "Ebs", "DeleteOnTermination"))) {
                            counts[1]++;
                            line.append("; volume ").append(Fields.text(device, "Ebs", "VolumeId")).append(" (")
                                    .append(Fields.text(device, "DeviceName")).append(") is deleted with it");
                        }
                    }
                    out.detail(line.toString());
                }
            }
        });
        out.set("instances", counts[0]).set("volumes deleted on termination", counts[1]);
    }
}

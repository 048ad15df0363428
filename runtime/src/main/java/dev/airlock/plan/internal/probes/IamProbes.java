package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.Map;

/** IAM DeleteRole and DetachRolePolicy: the role's policies and when it was last used. */
final class IamProbes {

    private IamProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("iam:DeleteRole", IamProbes::role);
        probes.put("iam:DetachRolePolicy", IamProbes::role);
    }

    static void role(Call call, ProbeReads reads, Findings out) throws Exception {
        String role = Fields.text(call.parameters(), "RoleName");
        if (role == null) {
            out.note("the request names no role");
            return;
        }
        Map<String, Object> got = reads.read("GetRole", Map.of("RoleName", role));
        String last = Fields.text(got, "Role", "RoleLastUsed", "LastUsedDate");
        out.fact("last used", last == null ? "never (as far as IAM tracks)" : last
                + (Fields.text(got, "Role", "RoleLastUsed", "Region") == null ? ""
                : " in " + Fields.text(got, "Role", "RoleLastUsed", "Region")));
        long[] n = {0, 0};
        reads.pages("ListAttachedRolePolicies", Map.of("RoleName", role), "Marker", "Marker", page -> {
            for (Map<String, Object> p : Fields.maps(page, "AttachedPolicies")) {
                n[0]++;
                out.detail("attached policy " + Fields.text(p, "PolicyArn"));
            }
        });
        reads.pages("ListRolePolicies", Map.of("RoleName", role), "Marker", "Marker", page -> {
            for (String name : Fields.texts(page, "PolicyNames")) {
                n[1]++;
                out.detail("inline policy " + name);
            }
        });
        out.set("attached policies", n[0]).set("inline policies", n[1]);
    }
}

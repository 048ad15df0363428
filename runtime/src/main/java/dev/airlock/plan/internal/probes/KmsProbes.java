package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.Map;

/**
 * KMS ScheduleKeyDeletion and DisableKey: the key's state, its aliases and its grants. KMS does not say what
 * data a key encrypts; grants name the principals (often services) that use it, which is what is known.
 */
final class KmsProbes {

    private KmsProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("kms:ScheduleKeyDeletion", KmsProbes::key);
        probes.put("kms:DisableKey", KmsProbes::key);
    }

    static void key(Call call, ProbeReads reads, Findings out) throws Exception {
        String key = Fields.text(call.parameters(), "KeyId");
        if (key == null) {
            out.note("the request names no key");
            return;
        }
        Map<String, Object> described = reads.read("DescribeKey", Map.of("KeyId", key));
        out.fact("key state", Fields.text(described, "KeyMetadata", "KeyState"));
        out.fact("managed by", Fields.text(described, "KeyMetadata", "KeyManager"));
        long[] n = {0, 0};
        reads.pages("ListAliases", Map.of("KeyId", key), "Marker", "NextMarker", page -> {
            for (Map<String, Object> a : Fields.maps(page, "Aliases")) {
                n[0]++;
                out.detail("alias " + Fields.text(a, "AliasName"));
            }
        });
        try {
            reads.pages("ListGrants", Map.of("KeyId", key), "Marker", "NextMarker", page -> {
                for (Map<String, Object> g : Fields.maps(page, "Grants")) {
                    n[1]++;
                    out.detail("grant to " + Fields.text(g, "GranteePrincipal") + " for "
                            + Fields.texts(g, "Operations"));
                }
            });
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("grants unknown (" + ProbeErrors.why(e) + ")");
        }
        out.set("aliases", n[0]).set("grants", n[1]);
        out.fact("what it encrypts", "not told by KMS; see the grants and aliases");
    }
}

package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.Map;

/**
 * RDS DeleteDBInstance: whether a final snapshot is skipped, deletion protection, and the automated backups that
 * would survive it.
 */
final class RdsProbes {

    private RdsProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("rds:DeleteDBInstance", RdsProbes::deleteInstance);
    }

    static void deleteInstance(Call call, ProbeReads reads, Findings out) throws Exception {
        String id = Fields.text(call.parameters(), "DBInstanceIdentifier");
        if (id == null) {
            out.note("the request names no DB instance");
            return;
        }
        out.fact("final snapshot", Boolean.TRUE.equals(Fields.flag(call.parameters(), "SkipFinalSnapshot"))
                ? "skipped" : "taken");
        if (Boolean.TRUE.equals(Fields.flag(call.parameters(), "DeleteAutomatedBackups"))) {
            out.fact("automated backups", "deleted with it");
        }
        Map<String, Object> described = reads.read("DescribeDBInstances", Map.of("DBInstanceIdentifier", id));
        out.fact("deletion protection", Boolean.TRUE.equals(Fields.flag(described, "DBInstances",
                "DeletionProtection")) ? "on" : "off");
        out.fact("engine", Fields.text(described, "DBInstances", "Engine"));
        long retention = Fields.number(described, "DBInstances", "BackupRetentionPeriod");
        if (retention >= 0) {
            out.fact("backup retention", retention + " days");
        }
        long storage = Fields.number(described, "DBInstances", "AllocatedStorage");
        if (storage >= 0) {
            out.set("GiB allocated", storage);
        }
        try {
            Map<String, Object> backups = reads.read("DescribeDBInstanceAutomatedBackups",
                    Map.of("DBInstanceIdentifier", id));
            out.set("automated backups", Fields.maps(backups, "DBInstanceAutomatedBackups").size());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("automated backups unknown (" + ProbeErrors.why(e) + ")");
        }
    }
}

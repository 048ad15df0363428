package dev.airlock.plan.internal.probes;

import dev.airlock.call.Call;
import dev.airlock.plan.internal.Fields;
import dev.airlock.plan.internal.Findings;
import dev.airlock.plan.internal.Probe;
import dev.airlock.plan.internal.ProbeReads;
import java.util.Map;

/**
 * DynamoDB: before DeleteTable, or an UpdateTable that turns deletion protection off, the items and size of the
 * table, its deletion protection, point-in-time recovery and backups. The item count is counted with a bounded
 * {@code Scan} of {@code COUNT} (DescribeTable's figure is refreshed only every few hours).
 */
final class DynamoDbProbes {

    private DynamoDbProbes() {
    }

    static void register(Map<String, Probe> probes) {
        probes.put("dynamodb:DeleteTable", DynamoDbProbes::table);
        probes.put("dynamodb:UpdateTable", DynamoDbProbes::table);
    }

    static void table(Call call, ProbeReads reads, Findings out) throws Exception {
        String table = Fields.text(call.parameters(), "TableName");
        if (table == null) {
            out.note("the request names no table");
            return;
        }
        Map<String, Object> described = reads.read("DescribeTable", Map.of("TableName", table));
        long size = Fields.number(described, "Table", "TableSizeBytes");
        if (size >= 0) {
            out.set("bytes", size);
        }
        Boolean protection = Fields.flag(described, "Table", "DeletionProtectionEnabled");
        out.fact("deletion protection", Boolean.TRUE.equals(protection) ? "on" : "off");
        long[] items = {0};
        boolean all;
        try {
            all = reads.pages("Scan", Map.of("TableName", table, "Select", "COUNT"), "ExclusiveStartKey",
                    "LastEvaluatedKey", page -> items[0] += Math.max(0, Fields.number(page, "Count")));
            out.set("items", items[0]);
            if (!all) {
                out.note("items counted in the first " + reads.maxPages() + " pages only: there are more");
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            long described_ = Fields.number(described, "Table", "ItemCount");
            if (described_ >= 0) {
                out.set("items", described_);
            }
            out.note("items as DescribeTable last counted them (" + ProbeErrors.why(e) + ")");
        }
        try {
            Map<String, Object> backups = reads.read("DescribeContinuousBackups", Map.of("TableName", table));
            String pitr = Fields.text(backups, "ContinuousBackupsDescription", "PointInTimeRecoveryDescription",
                    "PointInTimeRecoveryStatus");
            out.fact("point-in-time recovery", pitr == null ? "unknown" : pitr);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("point-in-time recovery unknown (" + ProbeErrors.why(e) + ")");
        }
        try {
            long[] backups = {0};
            reads.pages("ListBackups", Map.of("TableName", table), "ExclusiveStartBackupArn",
                    "LastEvaluatedBackupArn", page -> backups[0] += Fields.maps(page, "BackupSummaries").size());
            out.fact("backups", backups[0]);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.note("backups unknown (" + ProbeErrors.why(e) + ")");
        }
    }
}

package dev.airlock.it.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The product as it runs: a tool under the agent has its DeleteTable held by {@code airlock serve}, which also
 * countersigns the tool's audit head; {@code airlock audit verify --anchors URL} then passes the untouched file
 * and fails it once it is rewritten with every hash recomputed, and says so when the service is gone.
 */
class AuditAnchorsIT {

    @Test
    void theServiceCountersignsTheGuardedToolsAuditAndARewriteFailsVerification() throws Exception {
        Backend aws = LocalServers.shared();
        String table = "anchored-" + System.nanoTime();
        ApprovalEndToEndIT.createTable(aws, table);
        Path work = BuildPaths.freshWorkDir("audit-anchors");
        Path audit = AirlockSettings.inWorkDir(work).auditFile();
        try (ApprovalService service = ApprovalService.local(work)) {
            try (Child tool = ApprovalEndToEndIT.guardedDropper(work, service, "fail-fast", aws, table)) {
                assertThat(tool.awaitPrefix("FAILED " + table, 1, Duration.ofSeconds(90)).get(0))
                        .contains("Airlock held dynamodb:DeleteTable");
                tool.send("exit");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (tool.alive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(tool.alive()).as(tool.transcript()).isFalse();
            }
            assertThat(ApprovalEndToEndIT.tableExists(aws, table)).isTrue();

            ToolRun untouched = AirlockCommand.run("audit", "verify", audit.toString(), "--anchors", service.url());
            assertThat(untouched.exitCode()).as(untouched.transcript()).isZero();
            assertThat(String.join("\n", untouched.stdout())).contains("countersigned heads of chain", "OK: ");

            long records = Files.readAllLines(audit).size();
            rewriteWithOnlyReads(audit, records, work.resolve("forged"));
            ToolRun plain = AirlockCommand.run("audit", "verify", audit.toString());
            assertThat(plain.exitCode()).as("the chain alone is fooled: " + plain.transcript()).isZero();

            ToolRun forged = AirlockCommand.run("audit", "verify", audit.toString(), "--anchors", service.url());
            assertThat(forged.exitCode()).as(forged.transcript()).isEqualTo(1);
            assertThat(String.join("\n", forged.stdout())).contains("BROKEN", "was rewritten");

            service.kill9();
            ToolRun down = AirlockCommand.run("audit", "verify", audit.toString(), "--anchors", service.url());
            assertThat(down.exitCode()).as(down.transcript()).isEqualTo(3);
            assertThat(String.join("\n", down.stdout())).contains("NOT CHECKED", "could not fetch the anchors");
        }
    }

    /** A rewriter's file: as many records, none of them the held delete, every hash and the head recomputed. */
    private static void rewriteWithOnlyReads(Path audit, long records, Path dir) throws Exception {
        Path forged = dir.resolve(audit.getFileName());
        try (AuditLog log = AuditLog.toFile(forged, Requester.ofThisProcess(AirlockSettings.TOOL_NAME))) {
            for (long i = 0; i < records; i++) {
                log.record(new AuditRecord(System.currentTimeMillis(), "dynamodb", "ListTables",
                        "dynamodb:ListTables", Classification.READ, "default:read", "Allow", "PROCEED", null, null,
                        0, null));
            }
        }
        Files.move(forged, audit, StandardCopyOption.REPLACE_EXISTING);
        Files.move(forged.resolveSibling(audit.getFileName() + ".head"),
                audit.resolveSibling(audit.getFileName() + ".head"), StandardCopyOption.REPLACE_EXISTING);
    }
}

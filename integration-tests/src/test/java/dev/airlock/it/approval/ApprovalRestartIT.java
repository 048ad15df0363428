package dev.airlock.it.approval;

import static dev.airlock.it.approval.ApprovalEndToEndIT.approvalId;
import static dev.airlock.it.approval.ApprovalEndToEndIT.createTable;
import static dev.airlock.it.approval.ApprovalEndToEndIT.guardedDropper;
import static dev.airlock.it.approval.ApprovalEndToEndIT.tableExists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the approval service in the middle of a flow: the tool fails closed with a clear message
 * while it is down, the pending request and its first approval survive the restart, and the tool, never
 * restarted, goes on once the second approval comes.
 */
class ApprovalRestartIT {

    private static final Duration T = Duration.ofSeconds(90);

    @Test
    void aKilledServiceLosesNothingAndTheToolRecoversWithoutARestart() throws Exception {
        Backend aws = LocalServers.shared();
        String table = "restart-" + System.nanoTime();
        createTable(aws, table);
        Path work = BuildPaths.freshWorkDir("approval-restart");
        try (ApprovalService service = ApprovalService.local(work)) {
            String ana = Cli.addApprover(service, "ana");
            String ben = Cli.addApprover(service, "ben");
            try (Child tool = guardedDropper(work, service, "fail-fast", aws, table)) {
                String id = approvalId(tool.awaitPrefix("FAILED " + table, 1, T).get(0));
                assertThat(Cli.run(service, ana, "approve", id).out()).contains("1 of 2");

                service.kill9();
                tool.send("retry");
                assertThat(tool.awaitPrefix("FAILED " + table, 2, T).get(1)).contains("Airlock denied",
                        "approval service", "not reachable", "fails closed", "airlock serve");
                assertThat(tableExists(aws, table)).isTrue();

                service.restart();
                Cli.Result shown = Cli.run(service, ana, "show", id);
                assertThat(shown.out()).contains("pending", "1 of 2", "ana");
                tool.send("retry");
                assertThat(tool.awaitPrefix("FAILED " + table, 3, T).get(2)).contains("Airlock held",
                        "1 of 2 so far: ana");

                assertThat(Cli.run(service, ben, "approve", id).out()).contains("approved", "2 of 2");
                tool.send("retry");
                tool.awaitPrefix("DELETED " + table, 1, T);
                assertThat(tableExists(aws, table)).isFalse();
            }
        }
    }
}

package dev.airlock.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.audit.AuditChain;
import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code airlock audit verify FILE}: 0 for an intact chain; non-zero once any record is edited or removed. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuditVerifyCommandIT {

    private static Path workDir;
    private static Path intact;

    @BeforeAll
    static void writeAnAuditTrail() {
        workDir = BuildPaths.freshWorkDir("AuditVerifyCommand");
        intact = workDir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.toFile(intact, Requester.ofThisProcess("audit-verify-test"))) {
            long now = System.currentTimeMillis();
            log.record(new AuditRecord(now, "s3", "ListObjectsV2", "s3:ListBucket", Classification.READ,
                    "default:read", "Allow", "PROCEED", null, null, 12_000, null));
            log.record(new AuditRecord(now + 1, "s3", "DeleteBucket", "s3:DeleteBucket", Classification.DESTRUCTIVE,
                    "default:destructive", "RequireApproval", "HOLD", "requires human approval", "apr-0123456789abcdef",
                    80_000, null));
            log.record(new AuditRecord(now + 2, "dynamodb", "DeleteTable", "dynamodb:DeleteTable",
                    Classification.DESTRUCTIVE, "default:destructive", "RequireApproval", "HOLD",
                    "requires human approval", "apr-fedcba9876543210", 70_000, null));
            log.record(new AuditRecord(now + 3, "sqs", "CreateQueue", "sqs:CreateQueue", Classification.WRITE,
                    "default:write", "Allow", "PROCEED", null, null, 30_000, null));
            log.flush();
        }
    }

    private static Path copyWith(String name, java.util.function.UnaryOperator<List<String>> change) throws Exception {
        Path copy = workDir.resolve(name);
        Files.write(copy, change.apply(new ArrayList<>(Files.readAllLines(intact))));
        return copy;
    }

    @Test
    void an_intact_chain_verifies() throws Exception {
        assertThat(AuditChain.verify(intact).records()).as("records written").isEqualTo(4);

        ToolRun run = AirlockCommand.run("audit", "verify", intact.toString());

        assertThat(run.exitCode()).as(run.transcript()).isZero();
    }

    @Test
    void an_edited_record_is_detected() throws Exception {
        Path edited = copyWith("edited.jsonl", lines -> {
            lines.set(1, lines.get(1).replace("\"HOLD\"", "\"PROCEED\""));
            return lines;
        });
        assertThat(Files.readString(edited)).isNotEqualTo(Files.readString(intact));

        ToolRun run = AirlockCommand.run("audit", "verify", edited.toString());

        assertThat(run.exitCode()).as(run.transcript()).isNotZero();
        assertThat(String.join("\n", run.stdout())).contains("line 2");
    }

    @Test
    void a_removed_record_is_detected() throws Exception {
        Path shortened = copyWith("removed.jsonl", lines -> {
            lines.remove(2);
            return lines;
        });

        ToolRun run = AirlockCommand.run("audit", "verify", shortened.toString());

        assertThat(run.exitCode()).as(run.transcript()).isNotZero();
    }

    @Test
    void a_missing_file_is_an_error_not_a_crash() throws Exception {
        ToolRun run = AirlockCommand.run("audit", "verify", workDir.resolve("no-such-audit.jsonl").toString());

        assertThat(run.exitCode()).as(run.transcript()).isNotZero();
        assertThat(String.join("\n", run.stderr())).doesNotContain("\tat ");
    }
}

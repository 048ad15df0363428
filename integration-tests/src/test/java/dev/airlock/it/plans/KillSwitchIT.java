package dev.airlock.it.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.LocalServers;
import dev.airlock.it.harness.RunningJvm;
import dev.airlock.it.harness.ToolRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Delete-and-recreate of a bucket, by an unmodified program under the agent, trips the kill switch: destructive
 * calls are then denied, reads and writes keep working, until a human runs {@code airlock resume}; the trip and
 * the reset are in the audit trail.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KillSwitchIT {

    @Test
    void deleteAndRecreateTripsItAndOnlyAirlockResumeResetsIt() throws Exception {
        Backend backend = LocalServers.shared();
        String bucket = "kill-switch-it-" + System.nanoTime();
        backend.s3Client().createBucket(r -> r.bucket(bucket));
        Path work = BuildPaths.freshWorkDir("KillSwitch");
        Path policy = Files.writeString(work.resolve("policy.yaml"), """
                Statement:
                  - Sid: TrustTheToolHere
                    Effect: Allow
                    Action: "*"
                """);
        Path state = work.resolve("state");
        AirlockSettings settings = AirlockSettings.inWorkDir(work).with("policy", policy.toString())
                .with("state.dir", state.toString());
        Path config = Files.writeString(work.resolve("airlock.yaml"), "state.dir: " + state + "\naudit.file: "
                + settings.auditFile() + "\n");
        String classpath = Path.of(RecreatingTool.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator + BuildPaths.sampleClasspath();

        ToolRun run;
        try (RunningJvm tool = GuardedJvm.of(classpath, RecreatingTool.class.getName())
                .withAgent(BuildPaths.agentJar(), settings.agentArguments())
                .environment(backend.environment())
                .arguments(List.of(backend.s3().toString(), backend.region(), bucket))
                .start()) {
            tool.awaitLine(RecreatingTool.WAITING, Duration.ofMinutes(2));
            ToolRun resumed = AirlockCommand.run("resume", "--config", config.toString());
            assertThat(resumed.exitCode()).as(resumed.transcript()).isZero();
            Thread.sleep(1000); // the agent's watch looks at the flag a few times a second
            tool.sendLine("go");
            run = tool.await(Duration.ofMinutes(1));
        }
        System.out.println("KillSwitchIT:\n" + run.transcript());

        assertThat(run.step("DeleteBucket ")).endsWith(": ok");
        assertThat(run.step("CreateBucket ")).endsWith(": ok");
        assertThat(run.step("PutObject ")).as("writes go on").endsWith(": ok");
        assertThat(run.step("DeleteObject " + bucket + "/a:")).contains("FAILED", "kill switch is open",
                "delete-and-recreate", "airlock resume");
        assertThat(run.step("ListObjectsV2 ")).as("reads go on").endsWith(": ok");
        assertThat(run.step("ListBuckets")).endsWith(": ok");
        assertThat(run.step("DeleteObject " + bucket + "/a (after resume)")).endsWith(": ok");
        assertThat(backend.s3Client().listObjectsV2(r -> r.bucket(bucket)).keyCount()).isZero();

        AuditTrail audit = AuditTrail.read(settings.auditFile());
        assertThat(audit.withVerdict("TRIP")).as(audit.describe()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.field("reason")).contains("delete-and-recreate", bucket));
        assertThat(audit.withVerdict("RESET")).as(audit.describe()).isNotEmpty();
        assertThat(audit.find("DeleteObject", "DENY")).isPresent();
    }
}

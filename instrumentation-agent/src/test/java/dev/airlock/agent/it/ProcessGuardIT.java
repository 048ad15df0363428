package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guarded JVM runs shell commands through a real {@code /bin/sh}, with fake {@code aws}, {@code terraform} and
 * {@code kubectl} on its PATH that record every run: the destructive ones never run, however they are wrapped,
 * and the program is told why; the reads run.
 */
@Timeout(180)
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessGuardIT {

    private static final Duration RUN = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private Path ranLog;
    private Path bin;
    private AgentBuild build;

    @BeforeEach
    void fakeTools() throws IOException {
        build = AgentBuild.locate();
        bin = Files.createDirectories(dir.resolve("bin"));
        ranLog = dir.resolve("ran.log");
        Files.writeString(ranLog, "");
        for (String tool : List.of("aws", "terraform", "kubectl")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho \"$(basename \"$0\") $*\" >> '" + ranLog + "'\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void destructiveCommandsNeverRunAndReadsDo() throws Exception {
        List<String> scripts = List.of(
                "aws s3 rb s3://demo-data --force",
                "cd /tmp && terraform destroy -auto-approve",
                "bash -lc 'kubectl delete namespace prod'",
                "X=delete; kubectl $X pod web",
                "echo prod | xargs kubectl delete ns",
                "env AWS_REGION=eu-west-1 timeout 30 nohup aws ec2 terminate-instances --instance-ids i-1",
                "aws s3 ls",
                "terraform plan",
                "kubectl get pods");
        try (ForkedJvm program = build.guardedProgram(dir.resolve("cache"), agentArgs())
                .env("PATH", bin + ":/usr/bin:/bin").start(ShellProgram.class.getName(),
                        scripts.toArray(String[]::new))) {
            program.awaitExit(RUN);
            List<String> out = program.out();

            for (int i = 0; i < 6; i++) {
                int n = i;
                assertThat(out).as(program.transcript()).anySatisfy(line -> assertThat(line)
                        .startsWith("REFUSED " + n + " Airlock held ").contains("it was NOT sent", "NOT started",
                                "Approval id: apr-"));
            }
            assertThat(out).as(program.transcript()).contains("STARTED 6 0", "STARTED 7 0", "STARTED 8 0", "DONE");
            assertThat(Files.readAllLines(ranLog)).as(program.transcript())
                    .containsExactly("aws s3 ls", "terraform plan", "kubectl get pods");
        }
    }

    @Test
    void theHeldMessageSaysWhatAndWhyAsTheSdkPathDoes() throws Exception {
        try (ForkedJvm program = build.guardedProgram(dir.resolve("cache"), agentArgs())
                .env("PATH", bin + ":/usr/bin:/bin").start(ShellProgram.class.getName(),
                        "aws s3api delete-bucket --bucket demo-data")) {
            program.awaitExit(RUN);

            assertThat(program.out()).as(program.transcript()).anySatisfy(line -> assertThat(line)
                    .startsWith("REFUSED 0 Airlock held s3:DeleteBucket: it was NOT sent (DESTRUCTIVE call on ")
                    .contains("Why: ", "requires human approval", "Next: ",
                            "The process was NOT started: `aws s3api delete-bucket --bucket demo-data`"));
            assertThat(Files.readAllLines(ranLog)).isEmpty();
        }
    }

    private String agentArgs() {
        return "audit.enabled=false,plan.dir=" + dir.resolve("plans");
    }
}

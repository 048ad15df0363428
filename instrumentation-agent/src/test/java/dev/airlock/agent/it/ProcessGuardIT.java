package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /** The first six destroy. No login shells: they reset PATH, and an unguarded run must reach only the fakes. */
    private static final List<String> SCRIPTS = List.of(
            "aws s3 rb s3://demo-data --force",
            "cd /tmp && terraform destroy -auto-approve",
            "bash -c 'kubectl delete namespace prod'",
            "X=delete; kubectl $X pod web",
            "echo prod | xargs kubectl delete ns",
            "env AWS_REGION=eu-west-1 timeout 30 nohup aws ec2 terminate-instances --instance-ids i-1",
            "aws s3 ls",
            "terraform plan",
            "kubectl get pods");
    private static final int DESTRUCTIVE = 6;

    @Test
    void destructiveCommandsNeverRunAndReadsDo() throws Exception {
        try (ForkedJvm program = shellProgram(jdk17(), agentArgs()).start(ShellProgram.class.getName(),
                SCRIPTS.toArray(String[]::new))) {
            program.awaitExit(RUN);
            assertGuarded(program);
        }
    }

    @Test
    void onJava25() throws Exception {
        try (ForkedJvm program = shellProgram(jdk25(), agentArgs()).start(ShellProgram.class.getName(),
                SCRIPTS.toArray(String[]::new))) {
            program.awaitExit(RUN);
            assertGuarded(program);
        }
    }

    @Test
    void attachedToARunningJvmGuardsTheProcessesItStartsAfterwards() throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--wait"));
        args.addAll(SCRIPTS);
        ForkedJvm.Builder target = ForkedJvm.java(jdk17()).classpath(build.programClasses)
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString()).env("PATH", bin + ":/usr/bin:/bin")
                .env("HOME", dir.toString()).env("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
        if (ForkedJvm.featureVersion(jdk17()) >= 21) {
            target.jvmArg("-XX:+EnableDynamicAgentLoading");
        }
        try (ForkedJvm program = target.start(ShellProgram.class.getName(), args.toArray(String[]::new))) {
            program.awaitLine("READY", RUN);
            try (ForkedJvm attacher = ForkedJvm.java(jdk17()).classpath(build.programClasses).start(
                    Attacher.class.getName(), Long.toString(program.pid()), build.agentJar.toString(), agentArgs())) {
                assertThat(attacher.awaitExit(RUN)).as(attacher.transcript()).isZero();
            }
            program.sendLine("go");
            program.awaitExit(RUN);
            assertGuarded(program);
        }
    }

    @Test
    void withoutTheAgentTheSameCommandsRun() throws Exception {
        try (ForkedJvm program = shellProgram(jdk17(), "enabled=false").start(ShellProgram.class.getName(),
                SCRIPTS.toArray(String[]::new))) {
            program.awaitExit(RUN);

            assertThat(program.out()).as(program.transcript()).noneMatch(line -> line.startsWith("REFUSED"));
            assertThat(Files.readAllLines(ranLog)).as(program.transcript()).hasSize(SCRIPTS.size())
                    .contains("aws s3 rb s3://demo-data --force", "terraform destroy -auto-approve",
                            "kubectl delete namespace prod", "kubectl delete pod web", "kubectl delete ns prod",
                            "aws ec2 terminate-instances --instance-ids i-1");
        }
    }

    private void assertGuarded(ForkedJvm program) throws IOException {
        List<String> out = program.out();
        for (int i = 0; i < DESTRUCTIVE; i++) {
            int n = i;
            assertThat(out).as(program.transcript()).anySatisfy(line -> assertThat(line)
                    .startsWith("REFUSED " + n + " Airlock held ").contains("it was NOT sent", "NOT started",
                            "Approval id: apr-"));
        }
        assertThat(out).as(program.transcript()).contains("STARTED 6 0", "STARTED 7 0", "STARTED 8 0", "DONE");
        assertThat(Files.readAllLines(ranLog)).as(program.transcript())
                .containsExactly("aws s3 ls", "terraform plan", "kubectl get pods");
        assertThat(program.err()).as(program.transcript())
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("airlock"));
    }

    @Test
    void theHeldMessageSaysWhatAndWhyAsTheSdkPathDoes() throws Exception {
        try (ForkedJvm program = shellProgram(jdk17(), agentArgs()).start(ShellProgram.class.getName(),
                "aws s3api delete-bucket --bucket demo-data")) {
            program.awaitExit(RUN);

            assertThat(program.out()).as(program.transcript()).anySatisfy(line -> assertThat(line)
                    .startsWith("REFUSED 0 Airlock held s3:DeleteBucket: it was NOT sent (DESTRUCTIVE call on ")
                    .contains("Why: ", "requires human approval", "Next: ",
                            "The process was NOT started: `aws s3api delete-bucket --bucket demo-data`"));
            assertThat(Files.readAllLines(ranLog)).isEmpty();
        }
    }

    private ForkedJvm.Builder shellProgram(Path jdk, String agentArgs) {
        return ForkedJvm.java(jdk).classpath(build.programClasses)
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString()).env("PATH", bin + ":/usr/bin:/bin")
                .env("HOME", dir.toString()).env("KUBECONFIG", dir.resolve("no-kubeconfig").toString())
                .jvmArg("-javaagent:" + build.agentJar + "=" + agentArgs);
    }

    private static Path jdk17() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path jdk25() {
        Path home = Path.of(System.getProperty("airlock.it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(home.resolve("bin/java")), "no Java 25 at " + home);
        return home;
    }

    private String agentArgs() {
        return "audit.enabled=false,plan.dir=" + dir.resolve("plans");
    }
}

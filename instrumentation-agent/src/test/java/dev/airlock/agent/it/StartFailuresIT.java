package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side doors inside one JVM, tried as a tool would: switching the guard off from inside, and Airlock failing
 * to start. In each, the destructive request must never reach the server, while reads go on.
 */
class StartFailuresIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(90);

    private static Path agentJar;
    private static String sdkClasspath;
    private static String programClasses;

    @BeforeAll
    static void locateBuild() throws IOException {
        AgentBuild located = AgentBuild.locate();
        agentJar = located.agentJar;
        sdkClasspath = located.sdkClasspath;
        programClasses = located.programClasses;
    }

    @Test
    void aToolCannotSwitchItsGuardOffFromInside() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (ForkedJvm program = program().jvmArg("-javaagent:" + agentJar + "=audit.file=" + audit + ",plan.dir="
                + dir.resolve("plans")).start(TamperProgram.class.getName(), s3.endpoint())) {
            program.awaitExit(RUN);
            List<String> out = program.out();
            assertThat(out).as(program.transcript()).anySatisfy(l -> assertThat(l).startsWith("null REFUSED "
                    + "SecurityException Airlock refused installing call guard null"));
            assertThat(out).as(program.transcript()).anySatisfy(l -> assertThat(l).startsWith("proxy REFUSED "
                    + "SecurityException"));
            assertThat(out).as(program.transcript()).anySatisfy(l -> assertThat(l).startsWith("disable REFUSED "));
            assertThat(out).as(program.transcript()).contains("ListBuckets ACCEPTED", "DONE");
            assertThat(out).as(program.transcript()).anySatisfy(l -> assertThat(l).startsWith("DeleteBucket REFUSED "
                    + "AirlockHeldException Airlock held s3:DeleteBucket"));
        }
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
        String trail = Files.readString(audit);
        assertThat(trail).contains("installing call guard null", "a proxy is not Airlock's guard",
                "system property airlock.enabled was set to 'false' after Airlock started");
    }

    @Test
    void withNoWritableCacheOrTempDirectoryAirlockRunsFromMemoryAndGuards() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (ForkedJvm program = program().env("XDG_CACHE_HOME", notADirectory.resolve("cache").toString())
                .jvmArg("-Duser.home=" + notADirectory.resolve("home"))
                .jvmArg("-Djava.io.tmpdir=" + notADirectory.resolve("tmp"))
                .jvmArg("-javaagent:" + agentJar + "=audit.enabled=false,plan.dir=" + dir.resolve("plans"))
                .start(S3Program.class.getName(), s3.endpoint(), "sync")) {
            program.awaitExit(RUN);
            assertThat(program.out()).as(program.transcript()).contains("sync ListBuckets SENT", "DONE");
            assertThat(program.out()).as(program.transcript()).anySatisfy(l -> assertThat(l)
                    .startsWith("sync DeleteBucket HELD"));
            assertThat(program.err()).as(program.transcript()).noneMatch(l -> l.contains("NOT guarded"));
        }
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
    }

    @Test
    void aStartSlowerThanTheWaitRefusesWhatChangesStateAndLetsReadsGo() throws Exception {
        try (ForkedJvm program = program().env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .jvmArg("-Ddev.airlock.startWaitSeconds=2").jvmArg("-Ddev.airlock.test.startDelayMillis=300000")
                .jvmArg("-javaagent:" + agentJar + "=audit.enabled=false,plan.dir=" + dir.resolve("plans"))
                .start(S3Program.class.getName(), s3.endpoint(), "sync")) {
            program.awaitExit(RUN);
            assertThat(program.out()).as(program.transcript()).contains("sync ListBuckets SENT", "DONE");
            assertThat(program.out()).as(program.transcript()).anySatisfy(l -> assertThat(l)
                    .startsWith("sync DeleteBucket DENIED dev.airlock.sdk.AirlockDeniedException")
                    .contains("outcome=DENY", "did not start within 2 s"));
        }
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
    }

    @Test
    void aProcessStartedAfterTheWaitIsRefusedNotLetThrough() throws Exception {
        Path marker = dir.resolve("deleted-everything");
        try (ForkedJvm program = ForkedJvm.java(Path.of(System.getProperty("java.home"))).classpath(programClasses)
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .jvmArg("-Ddev.airlock.startWaitSeconds=2").jvmArg("-Ddev.airlock.test.startDelayMillis=300000")
                .jvmArg("-javaagent:" + agentJar + "=audit.enabled=false,plan.dir=" + dir.resolve("plans"))
                .start(ShellProgram.class.getName(), "touch " + marker)) {
            program.awaitExit(RUN);
            assertThat(program.out()).as(program.transcript()).anySatisfy(l -> assertThat(l)
                    .startsWith("REFUSED 0").contains("did not finish starting within 2 s"));
        }
        assertThat(marker).doesNotExist();
    }

    private ForkedJvm.Builder program() {
        return ForkedJvm.java(Path.of(System.getProperty("java.home")))
                .classpath(programClasses + File.pathSeparator + sdkClasspath)
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString());
    }
}

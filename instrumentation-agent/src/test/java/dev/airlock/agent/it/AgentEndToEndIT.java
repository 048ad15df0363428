package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent jar on an unmodified SDK program in a child JVM, against a stand-in S3 that records every
 * request it gets: reads reach it, destructive calls do not, and the program is told why.
 */
@Timeout(180)
class AgentEndToEndIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(120);

    @TempDir
    static Path shared;

    private static Path agentJar;
    private static String sdkClasspath;
    private static String programClasses;
    private static Path cacheHome;

    @BeforeAll
    static void locateBuild() throws IOException {
        AgentBuild located = AgentBuild.locate();
        agentJar = located.agentJar;
        sdkClasspath = located.sdkClasspath;
        programClasses = located.programClasses;
        cacheHome = shared.resolve("cache");
    }

    @AfterAll
    static void everyStartReusedOneUnpackedRuntime() throws IOException {
        try (Stream<Path> files = Files.list(cacheHome.resolve("airlock"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("runtime-")))
                    .hasSize(1);
        }
    }

    @Test
    void withTheAgentReadsReachS3AndDestructiveCallsAreHeldSyncAndAsync() throws Exception {
        try (ForkedJvm program = sdkProgram(jdk17()).jvmArg(javaagent()).start(S3Program.class.getName(),
                s3.endpoint(), "sync", "async")) {
            program.awaitExit(RUN);
            assertGuarded(program, "sync");
            assertGuarded(program, "async");
            assertThat(s3.sentByTheProgram()).containsExactly("GET /", "GET /");
            assertQuiet(program);
        }
    }

    @Test
    void guardsAnSdkTheApplicationLoadsInItsOwnClassLoader() throws Exception {
        Path loaderPath = shared.resolve("isolated-classpath.txt");
        Files.writeString(loaderPath, programClasses + File.pathSeparator + sdkClasspath);
        try (ForkedJvm program = sdkProgram(jdk17()).classpath(programClasses).jvmArg(javaagent()).start(
                IsolatedLauncher.class.getName(),
                loaderPath.toString(), s3.endpoint(), "sync", "async")) {
            program.awaitExit(RUN);
            assertGuarded(program, "sync");
            assertGuarded(program, "async");
            assertThat(s3.sentByTheProgram()).containsExactly("GET /", "GET /");
            assertQuiet(program);
        }
    }

    @Test
    void attachedToARunningJvmGuardsClientsBuiltBeforeTheAttach() throws Exception {
        attachAndCheck(jdk17());
    }

    /** Synchronous only: the asynchronous client's Netty prints a warning of its own on Java 25. */
    @Test
    void onJava25() throws Exception {
        try (ForkedJvm program = sdkProgram(jdk25()).jvmArg(javaagent()).start(S3Program.class.getName(),
                s3.endpoint(), "sync")) {
            program.awaitExit(RUN);
            assertGuarded(program, "sync");
            assertThat(s3.sentByTheProgram()).containsExactly("GET /");
            assertQuiet(program);
        }
    }

    @Test
    void attachedOnJava25() throws Exception {
        attachAndCheck(jdk25());
    }

    @Test
    void disabledByAgentArgumentLetsEveryCallThrough() throws Exception {
        assertUnguarded(sdkProgram(jdk17()).jvmArg("-javaagent:" + agentJar + "=enabled=false"));
    }

    @Test
    void disabledByEnvironmentLetsEveryCallThrough() throws Exception {
        assertUnguarded(sdkProgram(jdk17()).jvmArg(javaagent()).env("AIRLOCK_ENABLED", "false"));
    }

    @Test
    void disabledBySystemPropertyLetsEveryCallThrough() throws Exception {
        assertUnguarded(sdkProgram(jdk17()).jvmArg(javaagent()).jvmArg("-Dairlock.enabled=false"));
    }

    private void attachAndCheck(Path jdk) throws Exception {
        ForkedJvm.Builder target = sdkProgram(jdk);
        if (ForkedJvm.featureVersion(jdk) >= 21) {
            target.jvmArg("-XX:+EnableDynamicAgentLoading");
        }
        try (ForkedJvm program = target.start(S3Program.class.getName(), s3.endpoint(), "wait", "sync", "async")) {
            program.awaitLine("READY", RUN);
            assertThat(program.out()).contains("before ListBuckets SENT");
            try (ForkedJvm attacher = ForkedJvm.java(jdk).classpath(programClasses)
                    .start(Attacher.class.getName(), Long.toString(program.pid()), agentJar.toString(), agentArgs())) {
                assertThat(attacher.awaitExit(RUN)).as(attacher.transcript()).isZero();
            }
            program.sendLine("go");
            program.awaitExit(RUN);
            assertGuarded(program, "sync");
            assertGuarded(program, "async");
            assertThat(s3.sentByTheProgram()).containsExactly("GET /", "GET /", "GET /");
            assertNothingFromAirlock(program);
        }
    }

    @Test
    void aSecondAttachWithOtherSettingsIsRefusedNotReportedAsApplied() throws Exception {
        try (ForkedJvm program = sdkProgram(jdk17()).start(S3Program.class.getName(), s3.endpoint(), "wait",
                "sync")) {
            program.awaitLine("READY", RUN);
            try (ForkedJvm first = ForkedJvm.java(jdk17()).classpath(programClasses)
                    .start(Attacher.class.getName(), Long.toString(program.pid()), agentJar.toString(), agentArgs())) {
                assertThat(first.awaitExit(RUN)).as(first.transcript()).isZero();
            }
            try (ForkedJvm again = ForkedJvm.java(jdk17()).classpath(programClasses)
                    .start(Attacher.class.getName(), Long.toString(program.pid()), agentJar.toString(),
                            agentArgs())) {
                assertThat(again.awaitExit(RUN)).as("the same settings again: nothing to change").isZero();
            }
            try (ForkedJvm other = ForkedJvm.java(jdk17()).classpath(programClasses)
                    .start(Attacher.class.getName(), Long.toString(program.pid()), agentJar.toString(),
                            agentArgs() + ",mode=dry-run")) {
                assertThat(other.awaitExit(RUN)).as(other.transcript()).isNotZero();
                assertThat(other.transcript()).contains("AgentInitializationException");
            }
            program.sendLine("go");
            program.awaitExit(RUN);
            // Still enforcing: the dry-run mode of the refused attach was not applied.
            assertGuarded(program, "sync");
        }
    }

    private void assertUnguarded(ForkedJvm.Builder builder) throws Exception {
        try (ForkedJvm program = builder.start(S3Program.class.getName(), s3.endpoint(), "sync")) {
            program.awaitExit(RUN);
            assertThat(program.out()).as(program.transcript())
                    .contains("sync ListBuckets SENT", "sync DeleteBucket SENT");
            assertThat(s3.requests()).containsExactly("GET /", "DELETE /doomed-sync");
        }
    }

    private static void assertGuarded(ForkedJvm program, String mode) {
        List<String> out = program.out();
        assertThat(out).as(program.transcript()).contains(mode + " ListBuckets SENT", "DONE");
        assertThat(out).as(program.transcript()).anySatisfy(line -> assertThat(line)
                .startsWith(mode + " DeleteBucket HELD dev.airlock.sdk.AirlockHeldException|sdkClientException=true"
                        + "|outcome=HOLD|approvalId=apr-")
                .contains("|retryable=false|message=Airlock held s3:DeleteBucket: it was NOT sent"));
    }

    /** The host must not notice Airlock: nothing of it, and no JVM warning at all, on standard error. */
    private static void assertQuiet(ForkedJvm program) {
        assertNothingFromAirlock(program);
        assertThat(program.err()).as(program.transcript()).noneMatch(line -> line.contains("WARNING"));
    }

    /** Nothing Airlock causes on standard error; the host's own libraries may still warn. */
    private static void assertNothingFromAirlock(ForkedJvm program) {
        assertThat(program.err()).as(program.transcript()).noneMatch(line ->
                line.toLowerCase(Locale.ROOT).contains("airlock")
                        || line.contains("bootstrap classpath has been appended")
                        || line.contains("agent has been loaded dynamically"));
    }

    private ForkedJvm.Builder sdkProgram(Path jdk) {
        ForkedJvm.Builder program = ForkedJvm.java(jdk).classpath(programClasses + File.pathSeparator + sdkClasspath)
                .env("XDG_CACHE_HOME", cacheHome.toString());
        if (ForkedJvm.featureVersion(jdk) >= 24) {
            // From 24 on, the async client's Netty warns of its own use of sun.misc.Unsafe: the program's, not
            // Airlock's.
            program.jvmArg("--sun-misc-unsafe-memory-access=allow");
        }
        return program;
    }

    private static String javaagent() {
        return "-javaagent:" + agentJar + "=" + agentArgs();
    }

    private static String agentArgs() {
        return "audit.enabled=false,plan.dir=" + shared.resolve("plans");
    }

    private static Path jdk17() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path jdk25() {
        Path home = Path.of(System.getProperty("airlock.it.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(home.resolve("bin/java")), "no Java 25 at " + home);
        return home;
    }

}

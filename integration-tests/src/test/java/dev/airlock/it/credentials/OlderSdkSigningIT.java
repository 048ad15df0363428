package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.GuardedJvm;
import dev.airlock.it.harness.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SDK 2.21 to 2.46 resolve a call's identity before any interceptor could override it; the agent replaces the
 * request before the SDK reads it. The same program on SDK 2.35.10, under the agent, is signed with the session.
 */
class OlderSdkSigningIT {

    private static String classpath;

    /** SDK 2.35.10's class path, resolved by Maven from a small pom beside this test. */
    @BeforeAll
    static void resolveOlderSdk() throws Exception {
        Path pom = BrokerFixture.resource("sdk-2.35/pom.xml");
        Path out = BuildPaths.freshWorkDir("credentials-sdk-2.35").resolve("classpath.txt");
        String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        for (List<String> offline : List.of(List.of("-o"), List.<String>of())) {
            List<String> cmd = new java.util.ArrayList<>(List.of(mvn, "-B", "-q"));
            cmd.addAll(offline);
            cmd.addAll(List.of("-f", pom.toString(), "dependency:build-classpath", "-Dmdep.outputFile=" + out));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(out.resolveSibling("mvn.log").toFile()).start();
            if (p.waitFor(180, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(out)) {
                classpath = Files.readString(out).trim();
                return;
            }
            p.destroyForcibly();
        }
        throw new AssertionError("could not resolve AWS SDK 2.35.10: " + Files.readString(out.resolveSibling("mvn.log")));
    }

    @Test
    void aDeleteOnSdk235IsSignedWithItsOwnSession() throws Exception {
        assertThat(classpath).contains("sdk-core-2.35.10.jar");
        try (BrokerFixture f = new BrokerFixture("sdk-2.35")) {
            f.bucket("older-sdk", "key");

            ToolRun run = f.run(classpath, f.settings(), "delete:older-sdk/key", "read:1:older-sdk/k");

            assertThat(run.step("STEP delete:older-sdk/key")).as(run.transcript()).contains(" ok");
            assertThat(f.exists("older-sdk", "key")).isFalse();
            StsStand.Received session = f.perActionSessions().get(0);
            assertThat(session.policy()).contains("arn:aws:s3:::older-sdk/key");
            RecordingS3.Arrived delete = f.s3.arrived().stream().filter(a -> a.method().equals("DELETE"))
                    .findFirst().orElseThrow();
            assertThat(delete.accessKey()).isEqualTo(session.issuedKey());
            assertThat(delete.securityToken()).startsWith("session-token-");
            String readOnlyKey = f.readOnlySessions().get(0).issuedKey();
            assertThat(f.s3.arrived()).filteredOn(a -> a.method().equals("GET"))
                    .allMatch(a -> readOnlyKey.equals(a.accessKey())).isNotEmpty();
        }
    }

    @Test
    void inLibraryModeTheInterceptorSignsWithTheSessionOnSdk235AndOnTheCurrentSdk() throws Exception {
        Path runtimeClasses = BuildPaths.cliJar().getParent().resolve("classes");
        for (String sdk : List.of(classpath, BuildPaths.sampleClasspath())) {
            String bucket = sdk.contains("2.35.10") ? "library-mode-235" : "library-mode-257";
            try (BrokerFixture f = new BrokerFixture(bucket)) {
                f.bucket(bucket, "key");

                ToolRun run = GuardedJvm.of(runtimeClasses + java.io.File.pathSeparator + sdk,
                                BrokerFixture.resource("LibraryModeTool.java").toString())
                        .arguments(List.of(f.s3.endpoint().toString(), bucket, "key"))
                        .start().await(java.time.Duration.ofSeconds(120));

                assertThat(run.stdout()).as(run.transcript()).contains("deleted");
                RecordingS3.Arrived delete = f.s3.arrived().stream().filter(a -> a.method().equals("DELETE"))
                        .findFirst().orElseThrow();
                assertThat(delete.accessKey()).as(sdk.contains("2.35.10") ? "SDK 2.35.10" : "SDK 2.57")
                        .isEqualTo("ASIALIBRARYSESSION");
                assertThat(delete.securityToken()).isEqualTo("library-session-token");
            }
        }
    }
}

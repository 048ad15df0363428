package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A tool that ships the AWS SDK relocated under its own package, as a fat jar built with relocation does: its
 * DeleteBucket is held all the same, and never reaches the server; so is one it signs by hand with the relocated
 * signers.
 */
class ShadedSdkIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(120);

    @Test
    void aRelocatedSdkIsGuarded() throws Exception {
        List<String> others = new ArrayList<>();
        Path fat = shadedTool(others, "dev/airlock/agent/it/S3Program", "dev/airlock/agent/it/Outcome",
                "dev/airlock/agent/it/OldSdkS3Program");
        try (ForkedJvm tool = ForkedJvm.java(Path.of(System.getProperty("java.home")))
                .classpath(fat + File.pathSeparator + String.join(File.pathSeparator, others))
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .jvmArg("-javaagent:" + build.agentJar + "=audit.enabled=false,plan.dir=" + dir.resolve("plans"))
                .start(OldSdkS3Program.class.getName(), s3.endpoint())) {
            tool.awaitExit(RUN);
            assertThat(tool.out()).as(tool.transcript()).contains("ListBuckets SENT", "DONE");
            assertThat(tool.out()).as(tool.transcript()).anySatisfy(l -> assertThat(l)
                    .startsWith("DeleteBucket HELD Airlock held s3:DeleteBucket: it was NOT sent"));
        }
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
    }

    /**
     * Requests signed by hand with a relocated SDK's signers are decided at those signers, and its client calls
     * are decided once, by the pipeline's hook.
     */
    @Test
    void aRelocatedSdksSignersAreGuarded() throws Exception {
        List<String> others = new ArrayList<>();
        Path fat = shadedTool(others, "dev/airlock/agent/it/SignedRequestProgram");
        Path audit = dir.resolve("audit.jsonl");
        try (ObjectStoreStand server = new ObjectStoreStand()) {
            server.put("keep", "a.txt", "alpha");
            server.createBucket("allowed-sync");
            server.createBucket("allowed-async");
            Path policy = Files.writeString(dir.resolve("policy.yaml"), "Version: \"2026-11-01\"\nStatement:\n"
                    + "  - Sid: AllowedMayGo\n    Effect: Allow\n    Action: \"s3:DeleteBucket\"\n"
                    + "    Resource: \"arn:aws:s3:::allowed-*\"\n");
            try (ForkedJvm tool = ForkedJvm.java(Path.of(System.getProperty("java.home")))
                    .classpath(fat + File.pathSeparator + String.join(File.pathSeparator, others))
                    .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                    .jvmArg("-javaagent:" + build.agentJar + "=audit.file=" + audit + ",policy=" + policy
                            + ",plan.dir=" + dir.resolve("plans"))
                    .start(SignedRequestProgram.class.getName(), server.endpoint())) {
                tool.awaitExit(RUN);
                assertThat(tool.out()).as(tool.transcript()).contains("DONE", "sra+java.net.http GetObject SENT 200",
                        "pipeline DeleteBucket allowed-sync SENT 204");
                assertThat(tool.out()).as(tool.transcript()).anySatisfy(l -> assertThat(l).startsWith(
                        "sra+apache DeleteBucket HELD Airlock held s3:DeleteBucket: it was NOT sent"));
                assertThat(tool.out()).as(tool.transcript()).anySatisfy(l -> assertThat(l).startsWith(
                        "legacy+urlconnection DeleteBucket HELD Airlock held s3:DeleteBucket"));
                assertThat(tool.out()).as(tool.transcript()).anySatisfy(l -> assertThat(l).startsWith(
                        "presigner DeleteObject HELD Airlock held s3:DeleteObject"));
            }
            assertThat(server.keys("keep")).containsExactly("a.txt");
            assertThat(server.requests()).noneMatch(r -> r.startsWith("DELETE /keep"));
        }
        assertThat(Files.readAllLines(audit)).filteredOn(r -> r.contains("allowed-sync")).hasSize(1);
    }

    /** A fat jar of the tool's classes and the SDK, relocated together; {@code others} gets the rest of the path. */
    private Path shadedTool(List<String> others, String... programClassPrefixes) throws IOException {
        List<Path> sdk = new ArrayList<>();
        for (String entry : build.sdkClasspath.split(File.pathSeparator)) {
            if (entry.contains("/software/amazon/awssdk/")) {
                sdk.add(Path.of(entry));
            } else {
                others.add(entry);
            }
        }
        // The tool's own classes go into the fat jar too, relocated with the SDK they call.
        Path programJar = dir.resolve("program.jar");
        try (Stream<Path> files = Files.walk(Path.of(build.programClasses));
             java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                     Files.newOutputStream(programJar))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = Path.of(build.programClasses).relativize(f).toString().replace(File.separatorChar, '/');
                if (Stream.of(programClassPrefixes).anyMatch(name::startsWith)) {
                    out.putNextEntry(new java.util.jar.JarEntry(name));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        sdk.add(0, programJar);
        Path fat = dir.resolve("tool-with-shaded-sdk.jar");
        new SdkRelocation("com.acme.shaded.software.amazon.awssdk").relocate(sdk, fat);
        return fat;
    }
}

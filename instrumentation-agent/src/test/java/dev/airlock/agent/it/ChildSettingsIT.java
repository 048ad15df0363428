package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child JVM is guarded with its parent's settings and policy as they were at the parent's start, however the
 * tool tries to start it unguarded: a rewritten policy file, {@code -Dairlock.enabled=false}, {@code AIRLOCK_*},
 * {@code JDK_JAVA_OPTIONS}, an {@code @argfile}, or a link to {@code java} under another name. The child's
 * DeleteBucket never reaches the server.
 */
class ChildSettingsIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(120);

    @ParameterizedTest(name = "child started with {0}")
    @ValueSource(strings = {"plain", "flag", "env", "jdk-options", "argfile", "symlink"})
    void theChildKeepsTheParentsGuard(String how) throws Exception {
        Path policy = policy();
        ForkedJvm parent = run(how, policy);
        // The policy file now allows everything, but the child runs under the one its parent started with: the
        // edited file no longer matches the pinned digest, so the child refuses what changes state.
        assertThat(parent.out()).as(parent.transcript()).anySatisfy(line -> assertThat(line)
                .startsWith("sync DeleteBucket DENIED").contains("is not the policy this JVM was started with"));
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
    }

    @org.junit.jupiter.api.Test
    void aChildWhosePolicyIsUnchangedRunsUnderTheParentsStatements() throws Exception {
        ForkedJvm parent = run("unchanged", policy());
        assertThat(parent.out()).as(parent.transcript()).anySatisfy(line -> assertThat(line)
                .startsWith("sync DeleteBucket HELD").contains("statement HoldDeletes"));
        assertThat(s3.sentByTheProgram()).containsExactly("GET /");
    }

    private Path policy() throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), "Version: \"2026-11-01\"\nStatement:\n"
                + "  - Sid: HoldDeletes\n    Effect: RequireApproval\n    Action: \"s3:Delete*\"\n"
                + "    Resource: \"*\"\n");
    }

    private ForkedJvm run(String how, Path policy) throws Exception {
        try (ForkedJvm parent = build.guardedProgram(dir.resolve("cache"), "audit.enabled=false,policy=" + policy
                + ",plan.dir=" + dir.resolve("plans")).start(EscapingLauncher.class.getName(), how,
                policy.toString(), build.agentJar.toString(), dir.toString(), S3Program.class.getName(),
                s3.endpoint(), "sync")) {
            parent.awaitExit(RUN);
            assertThat(parent.out()).as(parent.transcript()).contains("sync ListBuckets SENT", "CHILD EXITED 0");
            return parent;
        }
    }
}

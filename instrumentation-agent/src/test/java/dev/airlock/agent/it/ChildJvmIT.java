package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A JVM started by a guarded JVM is guarded too: its own SDK calls are decided, whether it was started directly
 * ({@code -javaagent} added to its command) or through a shell ({@code JAVA_TOOL_OPTIONS}).
 */
@Timeout(240)
@EnabledOnOs({OS.LINUX, OS.MAC})
class ChildJvmIT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(200);

    @Test
    void aJavaChildStartedDirectlyIsGuarded() throws Exception {
        assertChildGuarded("direct");
    }

    @Test
    void aJavaChildStartedThroughAShellIsGuarded() throws Exception {
        assertChildGuarded("shell");
    }

    private void assertChildGuarded(String how) throws Exception {
        try (ForkedJvm parent = build.guardedProgram(dir.resolve("cache"), "audit.enabled=false,plan.dir="
                + dir.resolve("plans")).start(JavaLauncher.class.getName(), how, S3Program.class.getName(),
                s3.endpoint(), "sync")) {
            parent.awaitExit(RUN);

            assertThat(parent.out()).as(parent.transcript()).contains("sync ListBuckets SENT", "CHILD EXITED 0");
            assertThat(parent.out()).as(parent.transcript()).anySatisfy(line -> assertThat(line)
                    .startsWith("sync DeleteBucket HELD dev.airlock.sdk.AirlockHeldException")
                    .contains("Airlock held s3:DeleteBucket: it was NOT sent"));
            assertThat(s3.sentByTheProgram()).containsExactly("GET /");
        }
    }

}

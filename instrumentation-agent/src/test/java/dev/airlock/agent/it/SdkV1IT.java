package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An unmodified AWS SDK for Java v1 program against a stand-in S3: ListBuckets passes, DeleteBucket is held. */
@Timeout(180)
class SdkV1IT extends AgainstS3Stand {

    private static final Duration RUN = Duration.ofSeconds(120);

    @Test
    void v1ReadsReachS3AndDeleteBucketIsHeld() throws Exception {
        try (ForkedJvm program = build.guardedProgram(dir.resolve("cache"), "audit.enabled=false,plan.dir="
                + dir.resolve("plans")).start(V1S3Program.class.getName(), s3.endpoint())) {
            program.awaitExit(RUN);

            assertThat(program.out()).as(program.transcript()).contains("v1 ListBuckets SENT", "DONE");
            assertThat(program.out()).as(program.transcript()).anySatisfy(line -> assertThat(line)
                    .startsWith("v1 DeleteBucket HELD dev.airlock.sdk.v1.AirlockHeldV1Exception|sdkClientException=true"
                            + "|retryable=false|message=Airlock held s3:DeleteBucket: it was NOT sent"));
            assertThat(s3.sentByTheProgram()).containsExactly("GET /");
        }
    }
}

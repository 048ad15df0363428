package dev.airlock.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a tool signs itself with the SDK's signers and sends with other HTTP clients, or presigns into URLs,
 * are decided like client calls: what destroys is refused at the signer and never reaches the server; reads go
 * through. Calls made through SDK clients are decided once, by the pipeline's hook, and never again at the signer.
 */
class SignedRequestsIT {

    private static final Duration RUN = Duration.ofSeconds(120);

    private AgentBuild build;
    @TempDir
    Path dir;
    private ObjectStoreStand server;

    @BeforeEach
    void start() throws IOException {
        build = AgentBuild.locate();
        server = new ObjectStoreStand();
        server.put("keep", "a.txt", "alpha");
        server.put("keep", "b.txt", "beta");
        server.createBucket("allowed-sync");
        server.createBucket("allowed-async");
        server.createBucket("allowed-wrapped");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void handSignedAndPresignedRequestsAreDecidedAtTheSigner() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "Version: \"2026-11-01\"\nStatement:\n"
                + "  - Sid: AllowedMayGo\n    Effect: Allow\n    Action: \"s3:DeleteBucket\"\n"
                + "    Resource: \"arn:aws:s3:::allowed-*\"\n"
                + "  - Sid: StacksStay\n    Effect: Deny\n    Action: \"cloudformation:DeleteStack\"\n");
        List<String> out;
        try (ForkedJvm tool = build.guardedProgram(dir.resolve("cache"), "audit.file=" + audit + ",policy=" + policy
                + ",plan.dir=" + dir.resolve("plans")).start(SignedRequestProgram.class.getName(), server.endpoint())) {
            tool.awaitExit(RUN);
            out = tool.out();
            assertThat(out).as(tool.transcript()).contains("DONE");
            String transcript = tool.transcript();

            // 1, 2: DeleteBucket signed by hand, with the SRA signer or a legacy one, sent with three HTTP clients.
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "sra+java.net.http DeleteBucket HELD Airlock held s3:DeleteBucket: it was NOT sent"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "sra+apache DeleteBucket HELD Airlock held s3:DeleteBucket"));
            // A signing stage the tool built and entered itself does not make its own signing the pipeline's.
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "own-stage+java.net.http DeleteBucket HELD Airlock held s3:DeleteBucket"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "sra-async DeleteBucket HELD Airlock held s3:DeleteBucket"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "legacy+urlconnection DeleteBucket HELD Airlock held s3:DeleteBucket"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "legacy-s3+urlconnection DeleteObject HELD Airlock held s3:DeleteObject"));
            // 3: presigning a destructive request counts as that request.
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "presigner DeleteObject HELD Airlock held s3:DeleteObject"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "legacy-presign DeleteObject HELD Airlock held s3:DeleteObject"));
            // 4: the JSON and query protocols.
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "sra+java.net.http DynamoDB DeleteTable HELD Airlock held dynamodb:DeleteTable"));
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "legacy+urlconnection CloudFormation DeleteStack DENIED Airlock denied "
                            + "cloudformation:DeleteStack"));
            // 5: reads signed by hand or presigned go through.
            assertThat(out).as(transcript).contains("sra+java.net.http GetObject SENT 200",
                    "legacy+apache GetObject SENT 200", "presigner GetObject SENT 200");
            // 6: through SDK clients, as decided by the pipeline's hook.
            assertThat(out).as(transcript).contains("pipeline ListBuckets SENT 4",
                    "pipeline DeleteBucket allowed-sync SENT 204",
                    "pipeline-async DeleteBucket allowed-async SENT 204");
            assertThat(out).as(transcript).anySatisfy(l -> assertThat(l).startsWith(
                    "pipeline DeleteBucket keep HELD Airlock held s3:DeleteBucket"));
            // A request the tool signs inside a client call (here in a response transformer) is its own.
            assertThat(out).as(transcript).contains("pipeline GetObject SENT 5").anySatisfy(l -> assertThat(l)
                    .startsWith("inside a pipeline read: sra+java.net.http DeleteBucket HELD Airlock held "
                            + "s3:DeleteBucket"));
        }

        // Nothing that destroys reached the server, and the bucket still holds its objects.
        assertThat(server.keys("keep")).containsExactly("a.txt", "b.txt");
        assertThat(server.requests()).noneMatch(r -> r.startsWith("DELETE /keep"))
                .noneMatch(r -> r.contains("DeleteTable")).noneMatch(r -> r.contains("DeleteStack"));
        assertThat(server.requests()).contains("DELETE /allowed-sync", "DELETE /allowed-async");
        assertThat(server.keys("allowed-sync")).isNull();

        List<String> records = Files.readAllLines(audit);
        // One record per refused signing, with the bucket it names.
        assertThat(records).filteredOn(r -> r.contains("\"sdk-signer\"") && r.contains("s3:DeleteBucket"))
                .hasSize(6).allSatisfy(r -> assertThat(r).contains("arn:aws:s3:::keep"));
        assertThat(records).filteredOn(r -> r.contains("\"sdk-signer\"") && r.contains("dynamodb:DeleteTable"))
                .hasSize(1).allSatisfy(r -> assertThat(r).contains("table/orders"));
        // A pipeline call is decided once: by its hook, never again at the signer (sync and async alike).
        assertThat(records).filteredOn(r -> r.contains("allowed-sync")).hasSize(1)
                .allSatisfy(r -> assertThat(r).doesNotContain("\"sdk-signer\""));
        assertThat(records).filteredOn(r -> r.contains("allowed-async")).hasSize(1);
        // Also when the client signs with a signer of the tool's own that wraps the SDK's.
        assertThat(out).contains("pipeline with own signer DeleteBucket allowed-wrapped SENT 204");
        assertThat(records).filteredOn(r -> r.contains("allowed-wrapped")).hasSize(1);
        assertThat(records).filteredOn(r -> r.contains("ListAllMyBuckets") || r.contains("ListBuckets"))
                .hasSize(1).allSatisfy(r -> assertThat(r).doesNotContain("\"sdk-signer\""));
        assertThat(records).filteredOn(r -> r.contains("\"sdk\"") && r.contains("arn:aws:s3:::keep\""))
                .hasSize(1);
    }
}

package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock explain}'s sessionPolicy and {@code airlock policy generate}. */
class SessionPolicyCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(AirlockCli.run(args)).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void explainShowsTheSessionPolicyTheCallWouldGet() throws Exception {
        JsonNode out = JSON.readTree(run("explain", "s3:DeleteObject", "--resource", "arn:aws:s3:::bucket/key"));

        JsonNode policy = out.get("sessionPolicy");
        assertThat(policy.get("Statement")).hasSize(1);
        assertThat(policy.get("Statement").get(0).get("Action").asText()).isEqualTo("s3:DeleteObject");
        assertThat(policy.get("Statement").get(0).get("Resource").asText()).isEqualTo("arn:aws:s3:::bucket/key");
    }

    @Test
    void generatePrintsWhatTheRecordedCallsNeededAndLeavesOutWhatWasStopped(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(audit, String.join("\n",
                "{\"seq\":1,\"service\":\"s3\",\"operation\":\"ListBuckets\",\"action\":\"s3:ListAllMyBuckets\","
                        + "\"verdict\":\"PROCEED\"}",
                "{\"seq\":2,\"call\":{\"actions\":[\"s3:DeleteObject\"],\"resources\":[\"arn:aws:s3:::b/k1\"]},"
                        + "\"verdict\":\"PROCEED\"}",
                "{\"seq\":3,\"call\":{\"actions\":[\"s3:DeleteObject\"],\"resources\":[\"arn:aws:s3:::b/k2\"]},"
                        + "\"verdict\":\"PROCEED\"}",
                "{\"seq\":4,\"call\":{\"actions\":[\"s3:DeleteBucket\"],\"resources\":[\"arn:aws:s3:::b\"]},"
                        + "\"verdict\":\"HOLD\"}",
                "{\"seq\":5,\"gap\":{\"dropped\":1}}", ""));

        JsonNode policy = JSON.readTree(run("policy", "generate", audit.toString()));

        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement")).hasSize(2);
        assertThat(policy.toString()).contains("\"Action\":\"s3:DeleteObject\"",
                "\"Resource\":[\"arn:aws:s3:::b/k1\",\"arn:aws:s3:::b/k2\"]",
                "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"").doesNotContain("DeleteBucket");
    }
}

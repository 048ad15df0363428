package dev.airlock.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated session policies, judged by an independent IAM evaluator (npm {@code @cloud-copilot/iam-simulate}):
 * each must allow its call and deny the same action on a sibling resource. The evaluator runs in a generator
 * step ({@code runtime/tools/session-policy-check}) whose verdicts are committed beside the cases; this test
 * checks that the cases are still exactly what Airlock generates today, and that every verdict agrees.
 */
class SessionPolicyDifferentialTest {

    private static final Path DIR = Path.of("src/test/resources/dev/airlock/credentials/differential");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Each call, and the sibling its session must not reach. */
    private static List<Map<String, Object>> cases() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        add(out, "s3-delete-object", Calls.deleteObject("bucket", "key"), "arn:aws:s3:::bucket/other-key");
        add(out, "s3-delete-bucket", Calls.of("s3", "DeleteBucket", Map.of("Bucket", "bucket")),
                "arn:aws:s3:::bucket-2");
        add(out, "dynamodb-delete-table", Calls.of("dynamodb", "DeleteTable", Map.of("TableName", "orders")),
                "arn:aws:dynamodb:us-east-1:123456789012:table/orders-archive");
        // A stack's ARN ends in an id the request does not carry: the session allows stack/web/*; the evaluator
        // is asked about one such stack.
        add(out, "cloudformation-delete-stack", Calls.of("cloudformation", "DeleteStack",
                Map.of("StackName", "web")), "arn:aws:cloudformation:us-east-1:123456789012:stack/web-2/1234");
        out.get(out.size() - 1).put("resource", "arn:aws:cloudformation:us-east-1:123456789012:stack/web/1a2b3c4d");
        add(out, "ec2-terminate-instance", Calls.of("ec2", "TerminateInstances",
                Map.of("InstanceIds", List.of("i-0abc"))), "arn:aws:ec2:us-east-1:123456789012:instance/i-0abd");
        add(out, "sqs-delete-queue", Calls.of("sqs", "DeleteQueue",
                Map.of("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/jobs")),
                "arn:aws:sqs:us-east-1:123456789012:jobs-dlq");
        add(out, "lambda-delete-function", Calls.of("lambda", "DeleteFunction", Map.of("FunctionName", "resize")),
                "arn:aws:lambda:us-east-1:123456789012:function:resize-2");
        return out;
    }

    private static void add(List<Map<String, Object>> out, String id, Call call, String sibling) throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("action", call.action());
        c.put("resource", call.resources().get(0));
        c.put("sibling", sibling);
        c.put("sessionPolicy", JSON.readTree(SessionPolicy.forCall(call, ActionCatalog.builtIn()).json()));
        out.add(c);
    }

    @Test
    void theCommittedCasesAreWhatAirlockGeneratesToday() throws Exception {
        String today = JSON.writeValueAsString(cases()) + "\n";
        Path committed = DIR.resolve("cases.json");
        if (Boolean.getBoolean("airlock.writeDifferentialCases")) {
            Files.writeString(committed, today, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("session policies changed: regenerate with mvn -pl runtime test -Dtest=SessionPolicyDifferentialTest "
                        + "-Dairlock.writeDifferentialCases=true, then node runtime/tools/session-policy-check/evaluate.mjs")
                .isEqualTo(today);
    }

    @Test
    void theIndependentEvaluatorAllowsEachCallAndDeniesItsSibling() throws Exception {
        JsonNode cases = JSON.readTree(DIR.resolve("cases.json").toFile());
        JsonNode verdicts = JSON.readTree(DIR.resolve("verdicts.json").toFile());
        assertThat(verdicts.get("cases").asText()).as("verdicts.json was evaluated for other cases; rerun the "
                + "evaluator").isEqualTo(sha256(Files.readAllBytes(DIR.resolve("cases.json"))));
        assertThat(verdicts.get("results")).hasSize(cases.size());
        for (JsonNode c : cases) {
            JsonNode v = verdicts.get("results").get(c.get("id").asText());
            assertThat(v).as(c.get("id").asText()).isNotNull();
            assertThat(v.get("call").asText()).as(c.get("id") + " on its own resource").isEqualTo("Allowed");
            assertThat(v.get("sibling").asText()).as(c.get("id") + " on " + c.get("sibling")).isEqualTo("ImplicitlyDenied");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

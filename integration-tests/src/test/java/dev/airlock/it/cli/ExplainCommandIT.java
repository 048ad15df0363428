package dev.airlock.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.it.harness.AirlockCommand;
import dev.airlock.it.harness.ToolRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code airlock explain ACTION}: what Airlock would decide, as one JSON object, with the built-in policy. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExplainCommandIT {

    private static JsonNode onlyJsonObject(ToolRun run) throws Exception {
        String out = String.join("\n", run.stdout()).trim();
        assertThat(out).as(run.transcript()).startsWith("{").endsWith("}");
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.isObject()).isTrue();
        return json;
    }

    @Test
    void deleting_a_production_bucket_would_not_proceed() throws Exception {
        ToolRun run = AirlockCommand.run("explain", "s3:DeleteBucket", "--resource", "arn:aws:s3:::prod-data");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        JsonNode json = onlyJsonObject(run);
        assertThat(json.path("proceeds").isBoolean()).as(json.toString()).isTrue();
        assertThat(json.path("proceeds").asBoolean()).as(json.toString()).isFalse();
        assertThat(json.path("classification").asText()).isEqualTo("DESTRUCTIVE");
        assertThat(json.toString()).contains("arn:aws:s3:::prod-data");
    }

    @Test
    void reading_an_object_would_proceed() throws Exception {
        ToolRun run = AirlockCommand.run("explain", "s3:GetObject");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        JsonNode json = onlyJsonObject(run);
        assertThat(json.path("proceeds").asBoolean()).as(json.toString()).isTrue();
        assertThat(json.path("classification").asText()).isEqualTo("READ");
    }

    @Test
    void a_malformed_action_is_refused_with_a_message_not_a_stack_trace() throws Exception {
        ToolRun run = AirlockCommand.run("explain", "DeleteBucket");

        assertThat(run.exitCode()).as(run.transcript()).isNotZero();
        assertThat(String.join("\n", run.stderr())).contains("s3:DeleteBucket").doesNotContain("\tat ");
    }
}

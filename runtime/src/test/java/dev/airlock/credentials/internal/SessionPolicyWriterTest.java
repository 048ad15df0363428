package dev.airlock.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.credentials.Calls;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.SessionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionPolicyWriterTest {

    private static final ActionCatalog CATALOG = ActionCatalog.builtIn();

    private static String only(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void anObjectDeletionMayDeleteThatObjectOnly() throws Exception {
        assertThat(SessionPolicy.forCall(Calls.deleteObject("bucket", "key"), CATALOG).json())
                .isEqualTo(only("s3:DeleteObject", "arn:aws:s3:::bucket/key"));
    }

    @Test
    void aTableDeletionMayDeleteThatTableOnly() throws Exception {
        Call call = Calls.of("dynamodb", "DeleteTable", Map.of("TableName", "orders"));
        assertThat(SessionPolicy.forCall(call, CATALOG).json())
                .isEqualTo(only("dynamodb:DeleteTable", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
    }

    @Test
    void aStackDeletionMayDeleteThatStackOnly() throws Exception {
        Call call = Calls.of("cloudformation", "DeleteStack", Map.of("StackName", "web"));
        assertThat(SessionPolicy.forCall(call, CATALOG).json())
                .isEqualTo(only("cloudformation:DeleteStack", call.resources().get(0)));
        assertThat(call.resources().get(0)).startsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/web");
    }

    @Test
    void anInstanceTerminationMayTerminateThatInstanceOnly() throws Exception {
        Call call = Calls.of("ec2", "TerminateInstances", Map.of("InstanceIds", List.of("i-0abc")));
        assertThat(SessionPolicy.forCall(call, CATALOG).json())
                .isEqualTo(only("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"));
    }

    @Test
    void anActionWithoutResourceTypesGetsAStarAndTheAuditIsTold() throws Exception {
        SessionPolicy p = SessionPolicy.forCall(Calls.of("s3", "ListBuckets", Map.of()), CATALOG);
        assertThat(p.json()).isEqualTo(only("s3:ListAllMyBuckets", "*"));
        assertThat(p.notes()).containsExactly("s3:ListAllMyBuckets supports no resource type: Resource *");
    }

    @Test
    void aRequestThatNamesNoResourceGetsTheNarrowestTemplate() throws Exception {
        Call call = Call.builder().service("dynamodb").operation("DeleteTable").actions(List.of("dynamodb:DeleteTable"))
                .classification(dev.airlock.call.Classification.DESTRUCTIVE).region("eu-west-1")
                .account("123456789012").requester(Calls.deleteObject("b", "k").requester()).build();
        SessionPolicy p = SessionPolicy.forCall(call, CATALOG);
        assertThat(p.json()).isEqualTo(only("dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:123456789012:table/*"));
        assertThat(p.notes()).singleElement().asString().contains("narrowest template");
    }

    @Test
    void aRoleHandedToTheServiceMayBePassedThatRoleOnly() throws Exception {
        Call call = Calls.of("cloudformation", "DeleteStack", Map.of("StackName", "web",
                "RoleARN", "arn:aws:iam::123456789012:role/cfn"));
        JsonNode doc = new ObjectMapper().readTree(SessionPolicy.forCall(call, CATALOG).json());
        assertThat(doc.get("Statement")).hasSize(2);
        assertThat(doc.get("Statement").get(1).get("Action").asText()).isEqualTo("iam:PassRole");
        assertThat(doc.get("Statement").get(1).get("Resource").asText()).isEqualTo("arn:aws:iam::123456789012:role/cfn");
    }

    @Test
    void anOversizedPolicyIsFoldedUnderSharedPrefixesWithExactlyTheRequestedActions() throws Exception {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            objects.add(Map.of("Key", "logs/2026/day-" + i + ".gz"));
        }
        Call call = Calls.of("s3", "DeleteObjects", Map.of("Bucket", "bucket", "Delete", Map.of("Objects", objects)));

        SessionPolicy p = SessionPolicy.forCall(call, CATALOG);

        assertThat(p.json().length()).isLessThanOrEqualTo(SessionPolicy.MAX_PLAINTEXT);
        assertThat(actionsOf(p.json())).isEqualTo(new LinkedHashSet<>(call.actions()));
        assertThat(p.json()).contains("arn:aws:s3:::bucket/logs/2026/*");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("over STS's 2048"));
    }

    @Test
    void aPolicyThatCannotFitEvenFoldedIsRefusedRatherThanWidened() {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            objects.add(Map.of("Key", "k" + i));
        }
        Call call = Calls.of("s3", "DeleteObjects", Map.of("Bucket", "bucket", "Delete", Map.of("Objects", objects)));

        Throwable thrown = catchThrowable(() -> SessionPolicyWriter.forCall(call, CATALOG, 60));

        assertThat(thrown).isInstanceOf(CredentialsException.class).hasMessageContaining("does not widen");
    }

    private static Set<String> actionsOf(String json) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode s : new ObjectMapper().readTree(json).get("Statement")) {
            JsonNode a = s.get("Action");
            if (a.isArray()) {
                a.forEach(x -> out.add(x.asText()));
            } else {
                out.add(a.asText());
            }
        }
        return out;
    }
}

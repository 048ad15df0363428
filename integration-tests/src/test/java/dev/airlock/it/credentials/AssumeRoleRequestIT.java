package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.SessionCredentials;
import dev.airlock.egress.sdk.credentials.StsRoleSessions;
import dev.airlock.engine.Engine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What AssumeRole receives, in STS's query protocol, from the broker and its STS client (the egress module's, on
 * the plain SDK here; relocated in the agent, where {@link SessionSigningIT} checks it), for calls built the way
 * the SDK hook builds them.
 */
class AssumeRoleRequestIT {

    private static Map<String, String> settings(BrokerFixture f) {
        Map<String, String> s = new HashMap<>(f.settings().asMap());
        s.put("credentials.floor", "false");
        s.put("account", "123456789012");
        s.put("audit.enabled", "false");
        return s;
    }

    private static String policyFor(String sdkService, String signingName, String operation,
                                    Map<String, Object> request, String expectedArn) throws Exception {
        try (BrokerFixture f = new BrokerFixture("assume-" + operation)) {
            AirlockConfig config = AirlockConfig.of(settings(f));
            try (Engine engine = Engine.builder(config).build();
                 StsClient sts = StsClient.builder().endpointOverride(f.sts.endpoint()).region(Region.US_EAST_1)
                         .credentialsProvider(StaticCredentialsProvider.create(
                                 AwsBasicCredentials.create(BrokerFixture.BROKER_KEY, "brokersecret"))).build();
                 CredentialsIssuer issuer = CredentialsIssuer.broker(config, ActionCatalog.builtIn(),
                         new StsRoleSessions(sts))) {
                Call call = engine.sdkCalls().toCall("sdk", sdkService, signingName, operation, "us-east-1", null,
                        request, null);
                assertThat(call.resources()).contains(expectedArn);
                SessionCredentials session = issuer.issue(call, "apr-0123456789");
                List<StsStand.Received> received = f.sts.received();
                assertThat(received).hasSize(1);
                StsStand.Received r = received.get(0);
                assertThat(session.accessKeyId()).isEqualTo(r.issuedKey());
                assertThat(r.form()).containsEntry("Action", "AssumeRole").containsEntry("Version", "2011-06-15")
                        .containsEntry("DurationSeconds", "900").containsEntry("SourceIdentity", "alice");
                assertThat(r.tags()).containsEntry("airlock-approval-id", "apr-0123456789")
                        .containsEntry("airlock-issued", "true").containsKey("airlock-request-id")
                        .containsEntry("airlock-tool", "environment-reset-tool");
                return r.policy();
            }
        }
    }

    private static String only(String action, String arn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + arn + "\"}]}";
    }

    @Test
    void anObjectDeletion() throws Exception {
        assertThat(policyFor("S3", "s3", "DeleteObject", Map.of("Bucket", "bucket", "Key", "key"),
                "arn:aws:s3:::bucket/key")).isEqualTo(only("s3:DeleteObject", "arn:aws:s3:::bucket/key"));
    }

    @Test
    void aTableDeletion() throws Exception {
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
        assertThat(policyFor("DynamoDB", "dynamodb", "DeleteTable", Map.of("TableName", "orders"), arn))
                .isEqualTo(only("dynamodb:DeleteTable", arn));
    }

    @Test
    void aStackDeletion() throws Exception {
        String arn = "arn:aws:cloudformation:us-east-1:123456789012:stack/web/*";
        assertThat(policyFor("CloudFormation", "cloudformation", "DeleteStack", Map.of("StackName", "web"), arn))
                .isEqualTo(only("cloudformation:DeleteStack", arn));
    }

    @Test
    void anInstanceTermination() throws Exception {
        String arn = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc";
        assertThat(policyFor("EC2", "ec2", "TerminateInstances", Map.of("InstanceIds", List.of("i-0abc")), arn))
                .isEqualTo(only("ec2:TerminateInstances", arn));
    }
}

package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.ToolRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In broker mode the destructive call is signed with its own session, issued by AssumeRole as configured. */
class SessionSigningIT {

    @Test
    void aDeleteIsSignedWithItsOwnSessionIssuedUnderExactlyItsPolicy() throws Exception {
        try (BrokerFixture f = new BrokerFixture("signing")) {
            f.bucket("signing-bucket", "key");

            ToolRun run = f.run(f.settings().with("credentials.duration-seconds", "1200"),
                    "delete:signing-bucket/key");

            assertThat(run.step("STEP delete:signing-bucket/key")).as(run.transcript()).contains(" ok");
            assertThat(f.exists("signing-bucket", "key")).isFalse();
            List<StsStand.Received> sessions = f.perActionSessions();
            assertThat(sessions).hasSize(1);
            StsStand.Received assumed = sessions.get(0);
            assertThat(assumed.form()).containsEntry("Action", "AssumeRole")
                    .containsEntry("RoleArn", BrokerFixture.ROLE)
                    .containsEntry("DurationSeconds", "1200")
                    .containsEntry("SourceIdentity", "alice")
                    .containsEntry("RoleSessionName", "airlock.alice.s3-DeleteObject");
            assertThat(assumed.policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::signing-bucket/key\"}]}");
            assertThat(assumed.tags()).containsEntry("airlock-issued", "true")
                    .containsEntry("airlock-tool", "environment-reset-tool").containsKey("airlock-request-id");
            // The broker asks STS with its own credentials, never the tool's.
            assertThat(assumed.authorization()).contains("Credential=" + BrokerFixture.BROKER_KEY + "/");

            RecordingS3.Arrived delete = f.s3.arrived().stream().filter(a -> a.method().equals("DELETE"))
                    .findFirst().orElseThrow();
            assertThat(delete.accessKey()).isEqualTo(assumed.issuedKey());
            assertThat(delete.securityToken()).isEqualTo("session-token-" + assumed.issuedKey().substring(18)
                    .replaceFirst("^0+", ""));
            assertThat(f.s3.arrived()).noneMatch(a -> BrokerFixture.TOOL_KEY.equals(a.accessKey()));
        }
    }
}

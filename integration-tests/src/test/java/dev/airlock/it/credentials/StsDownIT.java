package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AuditTrail;
import dev.airlock.it.harness.ToolRun;
import org.junit.jupiter.api.Test;

/** STS refusing or gone: a delete is denied with STS's error and never sent; a read does as configured. */
class StsDownIT {

    @Test
    void aDeleteIsDeniedWithTheStsErrorAndAReadProceedsWithTheClientsOwnAndTheAuditSaysSo() throws Exception {
        try (BrokerFixture f = new BrokerFixture("sts-refuses")) {
            f.bucket("sts-refuses", "key");
            f.sts.failWith("AccessDenied", "User arn:aws:iam::123456789012:user/broker is not authorized to "
                    + "perform: sts:AssumeRole");

            ToolRun run = f.run(f.settings().with("credentials.floor", "false"), "delete:sts-refuses/key",
                    "read:1:sts-refuses/k");

            assertThat(run.step("STEP delete:sts-refuses/key")).as(run.transcript())
                    .contains(" held ", "Airlock denied s3:DeleteObject", "AccessDenied",
                            "not authorized to perform: sts:AssumeRole", "never fall back");
            assertThat(f.exists("sts-refuses", "key")).isTrue();
            assertThat(f.s3.arrived()).noneMatch(a -> a.method().equals("DELETE"));
            assertThat(run.step("STEP read:1")).contains(" ok");
            assertThat(f.s3.arrived()).anyMatch(a -> a.method().equals("GET")
                    && BrokerFixture.TOOL_KEY.equals(a.accessKey()));
            AuditTrail audit = AuditTrail.read(f.settings().auditFile());
            assertThat(audit.entries()).anySatisfy(e -> {
                assertThat(e.operation()).isEqualTo("ListObjectsV2");
                assertThat(e.verdict()).isEqualTo("PROCEED");
                assertThat(e.mentions("proceeded with the client's own credentials")).isTrue();
            });
        }
    }

    @Test
    void withReadsSetToDenyAReadIsRefusedToo() throws Exception {
        try (BrokerFixture f = new BrokerFixture("sts-gone")) {
            f.bucket("sts-gone", "key");
            var settings = f.settings().with("credentials.floor", "false").with("credentials.read-on-error", "deny");
            f.sts.stop();

            ToolRun run = f.run(settings, "read:1:sts-gone/k", "delete:sts-gone/key");

            assertThat(run.step("STEP read:1")).as(run.transcript()).contains(" held ", "read-only session");
            assertThat(run.step("STEP delete:sts-gone/key")).contains(" held ", "STS AssumeRole");
            assertThat(f.exists("sts-gone", "key")).isTrue();
            assertThat(f.s3.arrived()).isEmpty();
        }
    }
}

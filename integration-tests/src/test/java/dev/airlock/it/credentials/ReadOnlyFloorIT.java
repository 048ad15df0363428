package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.it.harness.ToolRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What escapes every hook may only read: a DeleteBucket signed by hand in a Python child arrives signed with the
 * read-only session's key, neither the broker's nor the tool's own. In the guarded JVM the same request signed
 * with the SDK's own signer no longer escapes: it is refused at the signer and never arrives.
 */
class ReadOnlyFloorIT {

    @Test
    void handSignedDeletesFromTheJvmAndAPythonChildCarryOnlyTheReadOnlySession() throws Exception {
        try (BrokerFixture f = new BrokerFixture("floor")) {
            f.bucket("floor-jvm");
            f.bucket("floor-python");
            boolean python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
            List<String> steps = new java.util.ArrayList<>(List.of("handsigned-delete-bucket:floor-jvm"));
            if (python) {
                steps.add("python-delete-bucket:floor-python:" + BrokerFixture.resource("floor_delete_bucket.py"));
            }

            ToolRun run = f.run(f.settings(), steps.toArray(String[]::new));

            assertThat(f.readOnlySessions()).hasSize(1);
            String readOnlyKey = f.readOnlySessions().get(0).issuedKey();
            assertThat(run.step("STEP handsigned-delete-bucket")).as(run.transcript())
                    .contains(" held ", "s3", "DeleteBucket: it was NOT sent");
            assertThat(f.s3.arrived()).noneMatch(a -> a.path().equals("/floor-jvm"));
            assumeTrue(python, "python3 is not installed: the child-process half of the floor is not checked");
            assertThat(run.step("STEP python-delete-bucket")).contains("PY status=", "key=" + readOnlyKey,
                    "profile=airlock-read-only");
            RecordingS3.Arrived child = f.s3.arrived().stream().filter(a -> a.path().equals("/floor-python"))
                    .findFirst().orElseThrow();
            assertThat(child.accessKey()).isEqualTo(readOnlyKey)
                    .isNotIn(BrokerFixture.BROKER_KEY, BrokerFixture.TOOL_KEY);
            assertThat(child.securityToken()).isNotNull();
        }
    }
}

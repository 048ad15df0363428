package dev.airlock.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.ToolRun;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions are reused per role and policy: reads share one, each resource's deletes share theirs. */
class SessionCachingIT {

    @Test
    void aThousandReadsMakeAtMostOneStsCallAndAreSignedWithTheReadOnlySession() throws Exception {
        try (BrokerFixture f = new BrokerFixture("cache-reads")) {
            f.bucket("cache-reads", "a");

            ToolRun run = f.run(f.settings(), "read:1000:cache-reads/a");

            assertThat(run.step("STEP read:1000")).as(run.transcript()).contains(" ok");
            assertThat(f.sts.received()).hasSize(1);
            StsStand.Received readOnly = f.sts.received().get(0);
            assertThat(readOnly.policy()).isNull();
            assertThat(readOnly.form()).containsEntry("PolicyArns.member.1.arn",
                    "arn:aws:iam::aws:policy/ReadOnlyAccess");
            assertThat(f.s3.arrived()).hasSize(1000)
                    .allMatch(a -> readOnly.issuedKey().equals(a.accessKey()));
        }
    }

    @Test
    void aHundredDeletesOfOneObjectMakeOneStsCallAndOfAHundredObjectsAHundred() throws Exception {
        try (BrokerFixture f = new BrokerFixture("cache-deletes")) {
            f.bucket("cache-deletes", "same");

            ToolRun run = f.run(f.settings(), "delete-same:100:cache-deletes/same", "delete-many:100:cache-deletes/k");

            assertThat(run.step("STEP delete-same")).as(run.transcript()).contains(" ok");
            assertThat(run.step("STEP delete-many")).as(run.transcript()).contains(" ok");
            long same = f.perActionSessions().stream()
                    .filter(r -> r.policy().contains("arn:aws:s3:::cache-deletes/same")).count();
            assertThat(same).isEqualTo(1);
            Set<String> distinct = new HashSet<>();
            f.perActionSessions().stream().filter(r -> r.policy().contains("arn:aws:s3:::cache-deletes/k"))
                    .forEach(r -> distinct.add(r.policy()));
            assertThat(f.perActionSessions()).hasSize(101);
            assertThat(distinct).hasSize(100);
            long deletes = f.s3.arrived().stream().filter(a -> a.method().equals("DELETE")).count();
            assertThat(deletes).isEqualTo(200);
        }
    }
}

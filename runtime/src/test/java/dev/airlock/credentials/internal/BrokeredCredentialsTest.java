package dev.airlock.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.credentials.Calls;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.CredentialsIssuerContract;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.credentials.SessionCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The broker over an STS that answers in memory: the contract, and what each AssumeRole carries. */
class BrokeredCredentialsTest extends CredentialsIssuerContract {

    private final FakeSts sts = new FakeSts();

    @Override
    protected CredentialsIssuer issuer(Map<String, String> settings) throws Exception {
        return BrokeredCredentials.of(config(settings), ActionCatalog.builtIn(), sts);
    }

    private static AirlockConfig config(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(AirlockConfig.CREDENTIALS_MODE, "broker",
                AirlockConfig.CREDENTIALS_ROLE_ARN, ROLE, AirlockConfig.CREDENTIALS_SOURCE_IDENTITY, "alice",
                AirlockConfig.TOOL, "test-tool"));
        all.putAll(settings);
        return AirlockConfig.of(all);
    }

    @Override
    protected int stsCalls() {
        return sts.requests.size();
    }

    @Override
    protected void stsFails(String code, String message) {
        sts.failure = code + ": " + message;
    }

    @Override
    protected String lastPolicy() {
        return sts.requests.get(sts.requests.size() - 1).policy();
    }

    @Test
    void eachSessionNamesTheHumanTheToolAndTheRequest() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of(AirlockConfig.CREDENTIALS_DURATION, "1800"));

        issuer.issue(Calls.deleteObject("bucket", "key"), "apr-123");

        RoleSessions.Request r = sts.requests.get(0);
        assertThat(r.roleArn()).isEqualTo(ROLE);
        assertThat(r.durationSeconds()).isEqualTo(1800);
        assertThat(r.sourceIdentity()).isEqualTo("alice");
        assertThat(r.sessionName()).isEqualTo("airlock.alice.s3-DeleteObject");
        assertThat(r.tags()).containsEntry("airlock-issued", "true").containsEntry("airlock-approval-id", "apr-123")
                .containsEntry("airlock-tool", "test-tool").containsKey("airlock-request-id");
        assertThat(r.tags().get("airlock-request-id")).matches("req-[0-9a-f-]{18}");
    }

    @Test
    void readsShareASessionNarrowedByTheReadOnlyManagedPolicy() throws Exception {
        issuer(Map.of()).readSession();

        RoleSessions.Request r = sts.requests.get(0);
        assertThat(r.policy()).isNull();
        assertThat(r.policyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(r.sessionName()).isEqualTo("airlock.alice.read-only");
    }

    @Test
    void theRoleIsChosenByAccountAndRegion() throws Exception {
        String west = "arn:aws:iam::123456789012:role/west";
        String acct = "arn:aws:iam::123456789012:role/acct";
        CredentialsIssuer issuer = issuer(Map.of(AirlockConfig.CREDENTIALS_ROLES,
                "123456789012/us-west-2=" + west + ",123456789012=" + acct));

        issuer.issue(Calls.deleteObject("bucket", "key"));

        assertThat(sts.requests.get(0).roleArn()).isEqualTo(acct);
        BrokerSettings settings = BrokerSettings.of(config(Map.of(AirlockConfig.CREDENTIALS_ROLES,
                "123456789012/us-west-2=" + west + ",123456789012=" + acct)));
        assertThat(settings.roleFor("123456789012", "us-west-2")).isEqualTo(west);
        assertThat(settings.roleFor("999999999999", "us-west-2")).isEqualTo(ROLE);
    }

    @Test
    void aSessionIsRenewedShortlyBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock();
        sts.lifetime = Duration.ofMinutes(15);
        sts.clock = clock;
        BrokeredCredentials issuer = new BrokeredCredentials(BrokerSettings.of(config(Map.of())),
                ActionCatalog.builtIn(), sts, clock);

        issuer.issue(Calls.deleteObject("bucket", "key"));
        clock.now = clock.now.plus(Duration.ofMinutes(13));
        issuer.issue(Calls.deleteObject("bucket", "key"));
        assertThat(stsCalls()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(1).plusSeconds(5));
        issuer.issue(Calls.deleteObject("bucket", "key"));
        assertThat(stsCalls()).isEqualTo(2);
    }

    @Test
    void aPolicyStsFindsTooLargeWhenPackedIsFoldedNeverWidenedToOtherActions() throws Exception {
        sts.packedLimit = 300;
        CredentialsIssuer issuer = issuer(Map.of());
        List<Object> objects = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            objects.add(Map.of("Key", "logs/2026/day-" + i + ".gz"));
        }

        SessionCredentials s = issuer.issue(Calls.of("s3", "DeleteObjects",
                Map.of("Bucket", "bucket", "Delete", Map.of("Objects", objects))));

        assertThat(s.sessionPolicy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::bucket/logs/2026/*\"}]}");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("folded"));
    }

    private static final class FakeSts implements RoleSessions {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger serial = new AtomicInteger();
        volatile String failure;
        volatile int packedLimit = Integer.MAX_VALUE;
        volatile Duration lifetime = Duration.ofMinutes(15);
        volatile Clock clock = Clock.systemUTC();

        @Override
        public SessionCredentials assumeRole(Request request) throws CredentialsException {
            if (failure != null) {
                throw new CredentialsException("STS AssumeRole on " + request.roleArn() + " failed: " + failure);
            }
            if (request.policy() != null && request.policy().length() > packedLimit) {
                throw new PackedPolicyTooLarge("STS AssumeRole failed: PackedPolicyTooLarge");
            }
            requests.add(request);
            int n = serial.incrementAndGet();
            return new SessionCredentials("ASIASESSION" + n, "secret" + n, "token" + n,
                    clock.instant().plus(lifetime), request.policy());
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

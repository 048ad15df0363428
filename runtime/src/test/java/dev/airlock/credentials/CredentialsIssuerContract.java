package dev.airlock.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.airlock.call.Call;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every credentials issuer that issues sessions promises: a session per action and resource, reused while
 * fresh; one shared read-only session; an STS failure reported, never papered over with other credentials.
 */
public abstract class CredentialsIssuerContract {

    protected static final String ROLE = "arn:aws:iam::123456789012:role/airlock-actions";

    /** An issuer on the role {@link #ROLE}, for the human {@code alice}, with these extra settings. */
    protected abstract CredentialsIssuer issuer(Map<String, String> settings) throws Exception;

    /** How many AssumeRole calls STS has received. */
    protected abstract int stsCalls();

    /** From now on STS answers every AssumeRole with this error. */
    protected abstract void stsFails(String code, String message);

    /** The Policy parameter of the last AssumeRole STS received. */
    protected abstract String lastPolicy();

    @Test
    void aThousandReadsShareOneSession() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(issuer.readSession().accessKeyId());
        }
        assertThat(stsCalls()).isLessThanOrEqualTo(1);
        assertThat(keys).hasSize(1);
    }

    @Test
    void aHundredDestructiveCallsOnOneResourceShareOneSession() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Set<String> keys = new HashSet<>();
            java.util.List<Future<SessionCredentials>> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sessions.add(pool.submit(() -> issuer.issue(Calls.deleteObject("bucket", "key"))));
            }
            for (Future<SessionCredentials> s : sessions) {
                keys.add(s.get(30, TimeUnit.SECONDS).accessKeyId());
            }
            assertThat(stsCalls()).isEqualTo(1);
            assertThat(keys).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHundredDestructiveCallsOnAHundredResourcesGetAHundredSessions() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(issuer.issue(Calls.deleteObject("bucket", "key-" + i)).accessKeyId());
        }
        assertThat(stsCalls()).isEqualTo(100);
        assertThat(keys).hasSize(100);
    }

    @Test
    void theSessionIsIssuedUnderThePolicyOfExactlyThatCall() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of());

        SessionCredentials session = issuer.issue(Calls.deleteObject("bucket", "key"));

        String expected = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::bucket/key\"}]}";
        assertThat(lastPolicy()).isEqualTo(expected);
        assertThat(session.sessionPolicy()).isEqualTo(expected);
    }

    @Test
    void anStsErrorIsReportedWithItsMessageAndNoSessionIsIssued() throws Exception {
        CredentialsIssuer issuer = issuer(Map.of());
        stsFails("AccessDenied", "User is not authorized to perform: sts:AssumeRole");

        Throwable thrown = catchThrowable(() -> issuer.issue(Calls.deleteObject("bucket", "key")));

        assertThat(thrown).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("AccessDenied").hasMessageContaining("not authorized to perform");
        Call read = Calls.getObject("bucket", "key");
        assertThat(catchThrowable(issuer::readSession)).isInstanceOf(CredentialsException.class);
        assertThat(read.classification().name()).isEqualTo("READ");
    }
}

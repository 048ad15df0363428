package dev.airlock.credentials;

import dev.airlock.call.Call;

/**
 * Gives each call the credentials it runs with. One part of the engine ({@code Engine.builder().credentials(...)}):
 * the embedded default keeps the client's own (ambient) credentials; the broker issues a short-lived STS session
 * whose policy allows exactly the call's actions on its resources, through Airlock's own AWS client.
 */
public interface CredentialsIssuer extends AutoCloseable {

    /** Every call keeps the credentials its client already has. */
    static CredentialsIssuer ambient() {
        return dev.airlock.credentials.internal.AmbientCredentials.INSTANCE;
    }

    /** False for {@link #ambient()}: calls keep their client's credentials and the issuer is never asked. */
    default boolean issues() {
        return true;
    }

    /**
     * Session credentials for exactly this call.
     *
     * @return the session to sign the call with; null to keep the client's own
     * @throws CredentialsException when a session is needed and cannot be had; the call then fails closed
     */
    SessionCredentials issue(Call call) throws CredentialsException;

    @Override
    default void close() {
    }
}

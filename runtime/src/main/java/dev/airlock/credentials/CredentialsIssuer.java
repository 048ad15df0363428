package dev.airlock.credentials;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.credentials.internal.BrokeredCredentials;
import java.util.Map;

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

    /**
     * The broker of {@code credentials.mode: broker}: AssumeRole through {@code sessions}, with the role, the
     * accountable human and the session length of {@code config}.
     *
     * @throws ConfigException when the config names no role to assume
     */
    static CredentialsIssuer broker(AirlockConfig config, ActionCatalog catalog, RoleSessions sessions)
            throws ConfigException {
        return BrokeredCredentials.of(config, catalog, sessions);
    }

    /**
     * The issuer {@code config} asks for: {@link #ambient()}, or with {@code credentials.mode: broker} the broker
     * on Airlock's own STS client (the egress), with the read-only floor when {@code credentials.floor} is true.
     *
     * @throws ConfigException when the broker's settings are incomplete
     */
    static CredentialsIssuer fromConfig(AirlockConfig config, ActionCatalog catalog) throws ConfigException {
        if (!config.brokeredCredentials()) {
            return ambient();
        }
        BrokeredCredentials broker = BrokeredCredentials.of(config, catalog,
                new dev.airlock.credentials.internal.EgressRoleSessions(config));
        return "false".equals(config.get(AirlockConfig.CREDENTIALS_FLOOR)) ? broker
                : broker.withFloor(config.get(AirlockConfig.AWS_REGION));
    }

    /** False for {@link #ambient()}: calls keep their client's credentials and the issuer is never asked. */
    default boolean issues() {
        return true;
    }

    /**
     * Session credentials for exactly this call.
     *
     * @param approvalId the approval the call proceeds on, or null; carried in the session's tags
     * @return the session to sign the call with; null to keep the client's own
     * @throws CredentialsException when a session is needed and cannot be had; the call then fails closed
     */
    SessionCredentials issue(Call call, String approvalId) throws CredentialsException;

    /** Session credentials for exactly this call, with no approval behind it. */
    default SessionCredentials issue(Call call) throws CredentialsException {
        return issue(call, null);
    }

    /**
     * The one session every read shares: the role narrowed to reading. Null when calls keep their own.
     *
     * @throws CredentialsException when it cannot be had
     */
    default SessionCredentials readSession() throws CredentialsException {
        return null;
    }

    /**
     * The {@code AWS_*} variables every child process starts with, so that whatever it does unseen can only read;
     * empty when children keep the parent's.
     */
    default Map<String, String> childEnvironment() {
        return Map.of();
    }

    @Override
    default void close() {
    }
}

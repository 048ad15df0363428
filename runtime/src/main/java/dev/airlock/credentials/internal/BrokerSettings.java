package dev.airlock.credentials.internal;

import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.config.internal.CredentialsSettings;
import java.util.Locale;
import java.util.Map;

/** The broker's settings, read once from the config: which role where, for whom, for how long. */
record BrokerSettings(String defaultRole, Map<String, String> roles, int durationSeconds, String sourceIdentity,
                      String tool, String readPolicyArn, boolean readsFallBackToAmbient) {

    static BrokerSettings of(AirlockConfig config) throws ConfigException {
        Map<String, String> roles = CredentialsSettings.roles(config.get(AirlockConfig.CREDENTIALS_ROLES));
        String role = config.get(AirlockConfig.CREDENTIALS_ROLE_ARN);
        if (role == null && roles.isEmpty()) {
            throw new ConfigException("credentials.mode is broker, but neither " + AirlockConfig.CREDENTIALS_ROLE_ARN
                    + " nor " + AirlockConfig.CREDENTIALS_ROLES + " names a role for the broker to assume");
        }
        String configured = config.get(AirlockConfig.CREDENTIALS_SOURCE_IDENTITY);
        return new BrokerSettings(role, roles,
                Integer.parseInt(config.asMap().getOrDefault(AirlockConfig.CREDENTIALS_DURATION, "900")),
                configured != null ? configured : derivedIdentity(System.getProperty("user.name")),
                config.tool(),
                config.asMap().getOrDefault(AirlockConfig.CREDENTIALS_READ_POLICY_ARN,
                        "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                !"deny".equals(config.get(AirlockConfig.CREDENTIALS_READ_ON_ERROR)));
    }

    /** The OS user, in the characters STS allows in a SourceIdentity. */
    static String derivedIdentity(String user) {
        String s = user == null ? "" : user.replaceAll("[^\\w+=,.@-]", "-");
        if (s.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            s = "user-" + s;
        }
        if (s.length() < 2) {
            s = "user-" + s;
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /**
     * The role for a call in this account and region: the account-and-region entry, then the account's, then
     * {@code credentials.role-arn}.
     *
     * @return null when none applies
     */
    String roleFor(String account, String region) {
        if (account != null) {
            String r = region == null ? null : roles.get(account + "/" + region);
            if (r == null) {
                r = roles.get(account);
            }
            if (r != null) {
                return r;
            }
        }
        return defaultRole;
    }

    /** Any role: the one the shared read-only session is issued on when a call names no account. */
    String anyRole() {
        return defaultRole != null ? defaultRole : roles.values().iterator().next();
    }
}

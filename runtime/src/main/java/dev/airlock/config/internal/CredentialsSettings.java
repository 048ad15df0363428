package dev.airlock.config.internal;

import dev.airlock.config.AirlockConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What the credentials broker's keys accept: role ARNs, the accountable human, session lengths, as STS checks them. */
public final class CredentialsSettings {

    /** STS's rule for SourceIdentity and RoleSessionName: 2 to 64 of letters, digits and {@code +=,.@-_}. */
    public static final Pattern STS_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]+");

    private CredentialsSettings() {
    }

    static String normalise(String key, String v) {
        if (v.isEmpty()) {
            return null;
        }
        switch (key) {
            case AirlockConfig.CREDENTIALS_ROLE_ARN:
                return roleArn(key, v);
            case AirlockConfig.CREDENTIALS_READ_POLICY_ARN:
                if (!POLICY_ARN.matcher(v).matches()) {
                    throw new IllegalArgumentException(key + " must be a managed policy ARN such as "
                            + "arn:aws:iam::aws:policy/ReadOnlyAccess, not '" + v + "'");
                }
                return v;
            case AirlockConfig.CREDENTIALS_SOURCE_IDENTITY:
                return sourceIdentity(key, v);
            case AirlockConfig.CREDENTIALS_DURATION:
                return duration(key, v);
            case AirlockConfig.CREDENTIALS_ROLES:
                roles(v);
                return v;
            default:
                return v;
        }
    }

    /** SourceIdentity as STS accepts it; it also may not begin with {@code aws:}. */
    public static String sourceIdentity(String key, String v) {
        if (!STS_NAME.matcher(v).matches() || v.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw new IllegalArgumentException(key + " must be 2 to 64 letters, digits or +=,.@-_ (STS's rule for "
                    + "SourceIdentity), not '" + v + "'");
        }
        return v;
    }

    private static String roleArn(String key, String v) {
        if (!ROLE_ARN.matcher(v).matches()) {
            throw new IllegalArgumentException(key + " must be an IAM role ARN such as "
                    + "arn:aws:iam::123456789012:role/airlock-actions, not '" + v + "'");
        }
        return v;
    }

    private static String duration(String key, String v) {
        int seconds;
        try {
            seconds = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 900 || seconds > 43200) {
            throw new IllegalArgumentException(key + " must be a whole number of seconds from 900 to 43200 (STS's "
                    + "limits for DurationSeconds), not '" + v + "'");
        }
        return Integer.toString(seconds);
    }

    /**
     * {@code ACCOUNT[/REGION]=ROLE_ARN,...} as a map from {@code ACCOUNT} or {@code ACCOUNT/REGION} to the role.
     *
     * @throws IllegalArgumentException naming the entry that is wrong
     */
    public static Map<String, String> roles(String v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String entry : v.split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            String where = eq < 0 ? "" : e.substring(0, eq).trim();
            if (eq < 0 || !where.matches("\\d{12}(/[a-z]{2}(-[a-z]+)+-\\d)?")) {
                throw new IllegalArgumentException(AirlockConfig.CREDENTIALS_ROLES + " entries must look like "
                        + "123456789012=ROLE_ARN or 123456789012/us-east-1=ROLE_ARN, not '" + e + "'");
            }
            out.put(where, roleArn(AirlockConfig.CREDENTIALS_ROLES, e.substring(eq + 1).trim()));
        }
        return out;
    }
}

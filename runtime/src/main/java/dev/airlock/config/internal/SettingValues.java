package dev.airlock.config.internal;

import dev.airlock.config.AirlockConfig;
import java.util.List;
import java.util.Locale;

/** What each key accepts. Values are trimmed; words are matched without regard to case. */
public final class SettingValues {

    private SettingValues() {
    }

    /**
     * The value to keep for {@code key}, or null when a blank value unsets an optional key.
     *
     * @param home the home directory a leading {@code ~} stands for
     * @throws IllegalArgumentException saying what the key accepts, when the value is not one of those
     */
    public static String normalise(String key, String value, String home) {
        String v = value == null ? "" : value.trim();
        switch (key) {
            case AirlockConfig.MODE:
                return oneOf(key, v, List.of("enforce", "dry-run"));
            case AirlockConfig.ENABLED:
            case AirlockConfig.AUDIT_ENABLED:
                return oneOf(key, v, List.of("true", "false"));
            case AirlockConfig.CREDENTIALS_MODE:
                return oneOf(key, v, List.of("ambient", "broker"));
            case AirlockConfig.READ_ON_ERROR:
                return oneOf(key, v, List.of("open", "closed"));
            case AirlockConfig.REQUESTER_AWS_IDENTITY:
                return oneOf(key, v, List.of("off", "sts"));
            case AirlockConfig.UNGUARDED:
                return oneOf(key, v, List.of("fail", "warn"));
            case AirlockConfig.UNKNOWN:
                return oneOf(key, v, List.of("hold", "allow"));
            case AirlockConfig.POLICY_SHA256:
                if (!v.isEmpty() && !v.toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(key + " must be a SHA-256 in hex (64 characters), not '" + v
                            + "'");
                }
                return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
            case AirlockConfig.CREDENTIALS_READ_ON_ERROR:
                return oneOf(key, v, List.of("ambient", "deny"));
            case AirlockConfig.CREDENTIALS_FLOOR:
                return oneOf(key, v, List.of("true", "false"));
            case AirlockConfig.CREDENTIALS_ROLE_ARN:
            case AirlockConfig.CREDENTIALS_READ_POLICY_ARN:
            case AirlockConfig.CREDENTIALS_SOURCE_IDENTITY:
            case AirlockConfig.CREDENTIALS_DURATION:
            case AirlockConfig.CREDENTIALS_ROLES:
                return CredentialsSettings.normalise(key, v);
            case AirlockConfig.CREDENTIALS_PROFILE_FILE:
                return v.isEmpty() ? null : expandHome(v, home);
            case AirlockConfig.APPROVAL_MODE:
                return oneOf(key, v, List.of("fail-fast", "wait"));
            case AirlockConfig.APPROVAL_TIMEOUT:
                duration(key, required(key, v));
                return v;
            case AirlockConfig.APPROVAL_URL:
            case AirlockConfig.AWS_ENDPOINT_STS:
            case AirlockConfig.AWS_ENDPOINT_DYNAMODB:
            case AirlockConfig.AWS_ENDPOINT_S3:
                return endpoint(key, v);
            case AirlockConfig.BUDGET_STORE:
            case AirlockConfig.KILL_SWITCH_STORE:
                return oneOf(key, v, List.of("local", "dynamodb"));
            case AirlockConfig.PROBE_TIMEOUT:
            case AirlockConfig.BUDGET_WAIT:
            case AirlockConfig.KILL_SWITCH_RECREATE_WINDOW:
                duration(key, required(key, v));
                return v.toLowerCase(Locale.ROOT);
            case AirlockConfig.PROBE_MAX_PAGES:
                return positive(key, v);
            case AirlockConfig.KILL_SWITCH_BURST:
                burst(key, required(key, v));
                return v.toLowerCase(Locale.ROOT);
            case AirlockConfig.BUDGET_TABLE:
            case AirlockConfig.KILL_SWITCH_TABLE:
                if (!v.matches("[A-Za-z0-9_.-]{3,255}")) {
                    throw new IllegalArgumentException(key + " must be a DynamoDB table name (3 to 255 letters, "
                            + "digits, '_', '-' or '.'), not '" + v + "'");
                }
                return v;
            case AirlockConfig.STATE_DIR:
            case AirlockConfig.AUDIT_FILE:
            case AirlockConfig.PLAN_DIR:
                return expandHome(required(key, v), home);
            case AirlockConfig.TOOL:
                return required(key, v);
            case AirlockConfig.ACCOUNT:
                if (!v.isEmpty() && !v.matches("\\d{12}")) {
                    throw new IllegalArgumentException(key + " must be a 12-digit AWS account id, not '" + v + "'");
                }
                return v.isEmpty() ? null : v;
            case AirlockConfig.POLICY:
            case AirlockConfig.APPROVAL_PUBLIC_KEY:
            case "config":
                return v.isEmpty() ? null : expandHome(v, home);
            default:
                return v.isEmpty() ? null : v;
        }
    }

    /** {@code 250ms}, {@code 5s}, {@code 10m}, {@code 1h} or a plain number of seconds. */
    public static java.time.Duration duration(String key, String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?")
                .matcher(v == null ? "" : v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " must be a duration such as 500ms, 5s, 10m or 1h, not '" + v
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofSeconds(n);
        };
    }

    /** {@code N/DURATION}, e.g. {@code 50/10s}: the count and the time of a burst; N at least 1. */
    public static Object[] burst(String key, String v) {
        int slash = v.indexOf('/');
        try {
            if (slash > 0) {
                long n = Long.parseLong(v.substring(0, slash).trim());
                java.time.Duration d = duration(key, v.substring(slash + 1));
                if (n >= 1 && !d.isZero()) {
                    return new Object[] {n, d};
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below, with what the key accepts
        }
        throw new IllegalArgumentException(key + " must be CALLS/DURATION such as 50/10s (at least 1 call, a "
                + "time above 0), not '" + v + "'");
    }

    private static String positive(String key, String v) {
        try {
            if (Integer.parseInt(v) >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of at least 1, not '" + v + "'");
    }

    private static String endpoint(String key, String v) {
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("https?://[^\\s/]+(/.*)?")) {
            throw new IllegalArgumentException(key + " must be an http:// or https:// URL, not '" + v + "'");
        }
        return v;
    }

    private static String oneOf(String key, String v, List<String> allowed) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (allowed.contains(lower)) {
            return lower;
        }
        throw new IllegalArgumentException(key + " must be " + String.join(" or ", allowed) + ", not '" + v + "'");
    }

    private static String required(String key, String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return v;
    }

    /** {@code ~} and {@code ~/x}: shells expand them, but not in a YAML file or an agent argument. */
    static String expandHome(String path, String home) {
        if (home == null) {
            return path;
        }
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return home + path.substring(1);
        }
        return path;
    }
}

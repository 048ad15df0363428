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
            case AirlockConfig.APPROVAL_MODE:
                return oneOf(key, v, List.of("fail-fast", "wait"));
            case AirlockConfig.APPROVAL_TIMEOUT:
                duration(required(key, v));
                return v;
            case AirlockConfig.APPROVAL_URL:
            case AirlockConfig.AWS_ENDPOINT_STS:
            case AirlockConfig.AWS_ENDPOINT_DYNAMODB:
            case AirlockConfig.AWS_ENDPOINT_S3:
                return endpoint(key, v);
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

    /**
     * A duration written {@code 500ms}, {@code 90s}, {@code 5m} or {@code 1h}.
     *
     * @throws IllegalArgumentException saying how to write one
     */
    public static java.time.Duration duration(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration is a number and a unit (ms, s, m or h), for example 5m, "
                    + "not '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
        };
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

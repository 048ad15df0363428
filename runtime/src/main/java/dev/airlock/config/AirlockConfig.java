package dev.airlock.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Airlock's settings: one flat map of dotted keys ({@code audit.file}), layered from the built-in defaults, an
 * {@code airlock.yaml}, environment variables {@code AIRLOCK_*}, system properties {@code airlock.*} and the
 * agent's arguments, in rising precedence. See {@link ConfigLoader}.
 */
public final class AirlockConfig {

    public static final String ENABLED = "enabled";
    public static final String MODE = "mode";
    public static final String POLICY = "policy";
    public static final String TOOL = "tool";
    public static final String ENVIRONMENT = "environment";
    public static final String ACCOUNT = "account";
    public static final String AUDIT_ENABLED = "audit.enabled";
    public static final String AUDIT_FILE = "audit.file";
    public static final String PLAN_DIR = "plan.dir";
    public static final String CREDENTIALS_MODE = "credentials.mode";
    public static final String READ_ON_ERROR = "read.on-error";
    /** The region of Airlock's own AWS calls (STS, its stores); the tool's own calls keep theirs. */
    public static final String AWS_REGION = "aws.region";
    /** A named profile for Airlock's own AWS calls, one the AI tool does not use. */
    public static final String AWS_PROFILE = "aws.profile";
    /** Endpoint overrides for Airlock's own calls, for emulators and stand-ins. */
    public static final String AWS_ENDPOINT_STS = "aws.endpoint.sts";
    public static final String AWS_ENDPOINT_DYNAMODB = "aws.endpoint.dynamodb";
    public static final String AWS_ENDPOINT_S3 = "aws.endpoint.s3";
    /** {@code sts}: learn the tool's AWS identity (GetCallerIdentity) for audit and approvals; {@code off}. */
    public static final String REQUESTER_AWS_IDENTITY = "requester.aws-identity";
    /** The approval service on loopback, for example {@code http://127.0.0.1:7424}; none when unset. */
    public static final String APPROVAL_URL = "approval.url";
    /** The approval service's public key (PEM); when unset it is fetched from the service once and pinned. */
    public static final String APPROVAL_PUBLIC_KEY = "approval.public-key";
    /** {@code fail-fast}: a held call fails at once; {@code wait}: it waits up to {@code approval.timeout}. */
    public static final String APPROVAL_MODE = "approval.mode";
    /** How long {@code wait} mode waits, for example {@code 5m}, {@code 90s}. */
    public static final String APPROVAL_TIMEOUT = "approval.timeout";

    /** Every key Airlock understands; anything else in a config source is an error. One a line, sorted by area. */
    public static final java.util.Set<String> KEYS = java.util.Set.of(
            "config",
            ENABLED,
            MODE,
            POLICY,
            TOOL,
            ENVIRONMENT,
            ACCOUNT,
            AUDIT_ENABLED,
            AUDIT_FILE,
            PLAN_DIR,
            CREDENTIALS_MODE,
            READ_ON_ERROR,
            AWS_REGION,
            AWS_PROFILE,
            AWS_ENDPOINT_STS,
            AWS_ENDPOINT_DYNAMODB,
            AWS_ENDPOINT_S3,
            REQUESTER_AWS_IDENTITY,
            APPROVAL_URL,
            APPROVAL_PUBLIC_KEY,
            APPROVAL_MODE,
            APPROVAL_TIMEOUT);

    /** How destructive calls are treated overall. */
    public enum Mode {
        /** The policy decides. */
        ENFORCE,
        /** No destructive call is sent; each one goes to the plan. */
        DRY_RUN
    }

    private final Map<String, String> values;

    AirlockConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The built-in defaults alone. */
    public static AirlockConfig defaults() {
        return new AirlockConfig(ConfigLoader.defaults());
    }

    /** Defaults overlaid with these values; validated like any other source. */
    public static AirlockConfig of(Map<String, String> overrides) throws ConfigException {
        return ConfigLoader.fromMap(overrides);
    }

    public String get(String key) {
        return values.get(key);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean enabled() {
        return Boolean.parseBoolean(values.getOrDefault(ENABLED, "true"));
    }

    public Mode mode() {
        return "dry-run".equals(values.getOrDefault(MODE, "enforce")) ? Mode.DRY_RUN : Mode.ENFORCE;
    }

    /** The policy file, or null for the built-in default policy. */
    public Path policyFile() {
        String p = values.get(POLICY);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    public String tool() {
        return values.getOrDefault(TOOL, "unknown-tool");
    }

    /** The environment this process works on ({@code dev}, {@code prod}...), or null. */
    public String environment() {
        return values.get(ENVIRONMENT);
    }

    /** The AWS account id used in ARNs when the request does not reveal it, or null. */
    public String account() {
        return values.get(ACCOUNT);
    }

    public boolean auditEnabled() {
        return Boolean.parseBoolean(values.getOrDefault(AUDIT_ENABLED, "true"));
    }

    public Path auditFile() {
        return Path.of(values.get(AUDIT_FILE));
    }

    public Path planDir() {
        return Path.of(values.get(PLAN_DIR));
    }

    /** True when per-action session credentials are required ({@code credentials.mode: broker}). */
    public boolean brokeredCredentials() {
        return "broker".equals(values.getOrDefault(CREDENTIALS_MODE, "ambient").toLowerCase(Locale.ROOT));
    }

    /** True when a read may proceed after an internal error (the default); false fails reads closed too. */
    public boolean readsFailOpen() {
        return !"closed".equals(values.getOrDefault(READ_ON_ERROR, "open"));
    }

    /** True when a held call waits for its approval ({@code approval.mode: wait}). */
    public boolean waitsForApproval() {
        return "wait".equals(values.get(APPROVAL_MODE));
    }

    /** How long {@code wait} mode waits for approvers. */
    public java.time.Duration approvalTimeout() {
        return dev.airlock.config.internal.SettingValues.duration(values.getOrDefault(APPROVAL_TIMEOUT, "5m"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

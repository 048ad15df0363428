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
    /** The SHA-256 the policy file must have; a child JVM gets its parent's, so an edited file is refused. */
    public static final String POLICY_SHA256 = "policy.sha256";
    /** {@code fail}: an AWS SDK that Airlock cannot hook fails its calls; {@code warn}: it is only reported. */
    public static final String UNGUARDED = "unguarded";
    /** {@code hold}: an action the catalog does not know, with a verb the rules do not know, is held. */
    public static final String UNKNOWN = "unknown";
    /** The role the credentials broker assumes for each action ({@code credentials.mode: broker}). */
    public static final String CREDENTIALS_ROLE_ARN = "credentials.role-arn";
    /** Roles per account and region: {@code ACCOUNT[/REGION]=ROLE_ARN,...}; {@code credentials.role-arn} otherwise. */
    public static final String CREDENTIALS_ROLES = "credentials.roles";
    /** The accountable human named in each session's SourceIdentity; the OS user when not set. */
    public static final String CREDENTIALS_SOURCE_IDENTITY = "credentials.source-identity";
    /** The named profile whose credentials the broker assumes roles with; {@code aws.profile} when not set. */
    public static final String CREDENTIALS_PROFILE = "credentials.profile";
    /** The shared credentials file that holds that profile, one the tool cannot read; the SDK's default when not set. */
    public static final String CREDENTIALS_PROFILE_FILE = "credentials.profile-file";
    /** Seconds a per-action session lasts (900 to 43200). */
    public static final String CREDENTIALS_DURATION = "credentials.duration-seconds";
    /** {@code ambient}: a read whose read-only session cannot be had proceeds with the client's own; {@code deny}. */
    public static final String CREDENTIALS_READ_ON_ERROR = "credentials.read-on-error";
    /** The managed policy that narrows the shared read-only session. */
    public static final String CREDENTIALS_READ_POLICY_ARN = "credentials.read-policy-arn";
    /** {@code true}: this JVM's default credentials and its children's become the read-only session. */
    public static final String CREDENTIALS_FLOOR = "credentials.floor";
    /** Where Airlock keeps state of its own on this machine, such as the kill switch's flag. */
    public static final String STATE_DIR = "state.dir";
    /** How long the blast-radius probes of one call may take in all, e.g. {@code 5s}. */
    public static final String PROBE_TIMEOUT = "probe.timeout";
    /** How many pages one probe listing may read. */
    public static final String PROBE_MAX_PAGES = "probe.max-pages";
    /** {@code local}: budgets counted in each JVM; {@code dynamodb}: shared by every agent JVM. */
    public static final String BUDGET_STORE = "budget.store";
    /** The DynamoDB table of shared budgets. */
    public static final String BUDGET_TABLE = "budget.table";
    /** How long a call over budget waits for the budget to refill before it is held; {@code 0s}: not at all. */
    public static final String BUDGET_WAIT = "budget.wait";
    /** {@code local}: a kill switch per machine (its flag in {@code state.dir}); {@code dynamodb}: org-wide too. */
    public static final String KILL_SWITCH_STORE = "kill-switch.store";
    /** The DynamoDB table of the org-wide kill switch flag. */
    public static final String KILL_SWITCH_TABLE = "kill-switch.table";
    /** A burst that trips the kill switch: more than N destructive calls within a time, e.g. {@code 50/10s}. */
    public static final String KILL_SWITCH_BURST = "kill-switch.burst";
    /** A resource created again within this time of its deletion trips the kill switch, e.g. {@code 10m}. */
    public static final String KILL_SWITCH_RECREATE_WINDOW = "kill-switch.recreate-window";
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
            POLICY_SHA256,
            UNGUARDED,
            UNKNOWN,
            CREDENTIALS_ROLE_ARN,
            CREDENTIALS_ROLES,
            CREDENTIALS_SOURCE_IDENTITY,
            CREDENTIALS_PROFILE,
            CREDENTIALS_PROFILE_FILE,
            CREDENTIALS_DURATION,
            CREDENTIALS_READ_ON_ERROR,
            CREDENTIALS_READ_POLICY_ARN,
            CREDENTIALS_FLOOR,
            STATE_DIR,
            PROBE_TIMEOUT,
            PROBE_MAX_PAGES,
            BUDGET_STORE,
            BUDGET_TABLE,
            BUDGET_WAIT,
            KILL_SWITCH_STORE,
            KILL_SWITCH_TABLE,
            KILL_SWITCH_BURST,
            KILL_SWITCH_RECREATE_WINDOW,
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

    /** The pinned SHA-256 of the policy file (lower-case hex), or null. */
    public String policySha256() {
        return values.get(POLICY_SHA256);
    }

    /** True when the calls of an SDK Airlock cannot hook must fail (the default). */
    public boolean unguardedFails() {
        return !"warn".equals(values.getOrDefault(UNGUARDED, "fail"));
    }

    /** True when an action nothing classifies is held (the default); false lets it through as a write. */
    public boolean holdsUnknown() {
        return !"allow".equals(values.getOrDefault(UNKNOWN, "hold"));
    }

    /** Where Airlock keeps its own state on this machine. */
    public Path stateDir() {
        return Path.of(values.get(STATE_DIR));
    }

    /** A duration setting ({@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}); validated at load. */
    public java.time.Duration duration(String key) {
        return dev.airlock.config.internal.SettingValues.duration(key, values.get(key));
    }

    /** True when a held call waits for its approval ({@code approval.mode: wait}). */
    public boolean waitsForApproval() {
        return "wait".equals(values.get(APPROVAL_MODE));
    }

    /** How long {@code wait} mode waits for approvers. */
    public java.time.Duration approvalTimeout() {
        return dev.airlock.config.internal.SettingValues.duration(APPROVAL_TIMEOUT, values.getOrDefault(APPROVAL_TIMEOUT, "5m"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

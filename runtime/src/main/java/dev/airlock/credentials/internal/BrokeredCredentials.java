package dev.airlock.credentials.internal;

import dev.airlock.call.Call;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.credentials.RoleSessions;
import dev.airlock.credentials.SessionCredentials;
import dev.airlock.credentials.SessionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code credentials.mode: broker}: every call that changes state gets its own STS session, issued on the
 * configured role and narrowed by a session policy that allows that call's actions on its resources only;
 * reads share one read-only session. Each session names the accountable human (SourceIdentity) and carries tags
 * an SCP can test: the Airlock request id, the approval id, the tool.
 */
public final class BrokeredCredentials implements CredentialsIssuer {

    /** A session is not handed out for less than this before it expires. */
    static final Duration REUSE_MARGIN = Duration.ofSeconds(60);

    public static final String TAG_ISSUER = "airlock-issued";
    public static final String TAG_REQUEST = "airlock-request-id";
    public static final String TAG_APPROVAL = "airlock-approval-id";
    public static final String TAG_TOOL = "airlock-tool";

    private final BrokerSettings settings;
    private final ActionCatalog catalog;
    private final RoleSessions sessions;
    private final SessionCache cache;
    private volatile ReadOnlyFloor floor;

    BrokeredCredentials(BrokerSettings settings, ActionCatalog catalog, RoleSessions sessions, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.sessions = sessions;
        this.cache = new SessionCache(REUSE_MARGIN, clock);
    }

    public static BrokeredCredentials of(AirlockConfig config, ActionCatalog catalog, RoleSessions sessions)
            throws ConfigException {
        return new BrokeredCredentials(BrokerSettings.of(config), catalog, sessions, Clock.systemUTC());
    }

    /** Makes this JVM's default credentials, and its children's, the read-only session, kept fresh. */
    public BrokeredCredentials withFloor(String region) {
        ReadOnlyFloor f = new ReadOnlyFloor(this, region);
        floor = f;
        f.start();
        return this;
    }

    /** Whether a read whose session cannot be had proceeds with the client's own credentials. */
    public boolean readsFallBackToAmbient() {
        return settings.readsFallBackToAmbient();
    }

    @Override
    public SessionCredentials issue(Call call, String approvalId) throws CredentialsException {
        String role = settings.roleFor(call.account(), call.region());
        if (role == null) {
            throw new CredentialsException("no role is configured for account " + call.account() + " (see "
                    + AirlockConfig.CREDENTIALS_ROLES + ")");
        }
        SessionPolicy policy = SessionPolicy.forCall(call, catalog);
        try {
            return issueUnder(role, policy, call, approvalId);
        } catch (RoleSessions.PackedPolicyTooLarge e) {
            // Within the plaintext limit but over STS's packed one: fold the resources, never widen the actions.
            SessionPolicy shorter = SessionPolicyWriter.forCall(call, catalog, policy.json().length() - 1);
            if (shorter.json().equals(policy.json())) {
                throw e;
            }
            return issueUnder(role, shorter, call, approvalId);
        }
    }

    private SessionCredentials issueUnder(String role, SessionPolicy policy, Call call, String approvalId)
            throws CredentialsException {
        SessionCredentials session = cache.get(role, policy.digest(), () -> assume(role, policy, call, approvalId));
        return session.describedBy(policy.json(), policy.notes());
    }

    @Override
    public SessionCredentials readSession() throws CredentialsException {
        String role = settings.anyRole();
        SessionPolicy policy = SessionPolicy.readOnly(inPartitionOf(role, settings.readPolicyArn()));
        return cache.get(role, policy.digest(), () -> assume(role, policy, null, null));
    }

    @Override
    public Map<String, String> childEnvironment() {
        ReadOnlyFloor f = floor;
        return f == null ? Map.of() : f.childEnvironment();
    }

    /** How many distinct sessions are held. */
    int cachedSessions() {
        return cache.size();
    }

    private SessionCredentials assume(String role, SessionPolicy policy, Call call, String approvalId)
            throws CredentialsException {
        String requestId = "req-" + UUID.randomUUID().toString().substring(0, 18);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_ISSUER, "true");
        tags.put(TAG_REQUEST, requestId);
        if (approvalId != null) {
            tags.put(TAG_APPROVAL, tagValue(approvalId));
        }
        tags.put(TAG_TOOL, tagValue(settings.tool()));
        RoleSessions.Request request = new RoleSessions.Request(role, sessionName(call), policy.json(),
                policy.managedPolicyArns(), settings.durationSeconds(), settings.sourceIdentity(), tags);
        return sessions.assumeRole(request).describedBy(policy.json(), policy.notes());
    }

    /** {@code airlock.alice.s3-DeleteObject}: who and what, within STS's 64 characters. */
    private String sessionName(Call call) {
        String what = call == null ? "read-only" : call.action().replace(':', '-');
        String name = ("airlock." + settings.sourceIdentity() + "." + what).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** Tag values allow letters, digits, spaces and {@code _.:/=+-@}, up to 256 characters. */
    static String tagValue(String v) {
        String s = v.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+@-]", "_");
        return s.length() > 256 ? s.substring(0, 256) : s;
    }

    private static String inPartitionOf(String roleArn, String policyArn) {
        String partition = roleArn.split(":", 3)[1];
        return policyArn.startsWith("arn:aws:") ? "arn:" + partition + ":" + policyArn.substring(8) : policyArn;
    }

    @Override
    public void close() {
        ReadOnlyFloor f = floor;
        if (f != null) {
            f.close();
        }
    }

    @Override
    public String toString() {
        return "broker on " + settings.anyRole() + " for " + settings.sourceIdentity().toLowerCase(Locale.ROOT);
    }
}

package dev.airlock.engine;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.internal.RecentCalls;
import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.bridge.CallGuard;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.credentials.CredentialsIssuer;
import dev.airlock.gate.ApprovalGate;
import dev.airlock.gate.BudgetStore;
import dev.airlock.gate.CallContext;
import dev.airlock.gate.CredentialsGate;
import dev.airlock.gate.DryRunGate;
import dev.airlock.gate.Gate;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.KillSwitchGate;
import dev.airlock.gate.RateBudgetGate;
import dev.airlock.gate.Verdict;
import dev.airlock.plan.PlanBook;
import dev.airlock.plan.Prober;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import dev.airlock.policy.PolicyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The engine: a {@link Call} in, a {@link Verdict} out. Catalog, then policy, then the gates (kill switch,
 * dry-run plan, approval, rate budget, credentials), then one audit record per decision. Assembled from parts by
 * {@link #builder}: each part has an embedded default and an org-wide implementation. Usable as a plain library;
 * the SDK hooks reach it through {@link #guard()}.
 */
public final class Engine implements AutoCloseable {

    private final AirlockConfig config;
    private final ActionCatalog catalog;
    private final PolicyHolder policy;
    private final KillSwitchGate killSwitchGate;
    private final List<Gate> gates;
    private final AuditLog audit;
    private final PlanBook plans;
    private final Parts parts;
    private final RequesterIdentity requester;
    private final PolicyContext context;
    private final SdkCalls sdkCalls;
    private final CallGuard guard;
    private volatile SettingsWatch settingsWatch;
    /** The SHA-256 of the policy file as read at start; null for the built-in policy or one given in code. */
    private volatile String policySha256;

    private Engine(Builder b) {
        this.config = b.config;
        this.catalog = b.catalog;
        RecentCalls recentCalls = new RecentCalls();
        this.audit = recentCalls.watching(b.audit);
        this.plans = b.plans;
        this.guard = new EngineGuard(this);
        Prober prober = b.proberFactory != null ? b.proberFactory.forGuard(guard) : b.prober;
        this.parts = new Parts(b.approvals, b.credentials, prober, b.budgets, b.killSwitch);
        this.requester = new RequesterIdentity(b.requester != null ? b.requester
                : Requester.ofThisProcess(config.tool()));
        this.context = new PolicyContext(config.tool(), config.environment());
        this.policy = new PolicyHolder(b.policy, catalog, context);
        this.killSwitchGate = GuardrailParts.killSwitchGate(config, b.killSwitch, audit);
        this.gates = List.of(
                killSwitchGate,
                new DryRunGate(plans, config.mode() == AirlockConfig.Mode.DRY_RUN),
                new ApprovalGate(b.approvals, defaultApprovers(config), Duration.ofHours(1),
                        config.waitsForApproval(), config.approvalTimeout(), recentCalls),
                new RateBudgetGate(b.budgets, config.duration(AirlockConfig.BUDGET_WAIT)),
                new CredentialsGate(config.brokeredCredentials(), b.credentials,
                        !"deny".equals(config.get(AirlockConfig.CREDENTIALS_READ_ON_ERROR))));
        this.sdkCalls = new SdkCalls(catalog, config.account(), this::requester, config.holdsUnknown());
    }

    /** An engine for {@code config}, with every part at its embedded default until set. */
    public static Builder builder(AirlockConfig config) {
        return new Builder(config);
    }

    /** An engine with the built-in configuration and every part at its embedded default until set. */
    public static Builder builder() {
        return new Builder(AirlockConfig.defaults());
    }

    /** An engine as the config describes it: its policy file, audit file, plan directory and parts. */
    public static Engine start(AirlockConfig config) throws ConfigException {
        PinnedPolicy pinned = PinnedPolicy.read(config.policyFile(), config.policySha256());
        Policy policy = pinned.policy();
        Requester requester = Requester.ofThisProcess(config.tool());
        AuditLog audit = config.auditEnabled()
                ? AuditLog.toFile(config.auditFile(), requester, config.get(AirlockConfig.APPROVAL_URL))
                : AuditLog.discard();
        Engine engine = GuardrailParts.fromConfig(config, builder(config)).requester(requester).policy(policy)
                .audit(audit).plans(PlanBook.inDirectory(config.planDir()))
                .approvals(ApprovalDesk.fromConfig(config))
                .credentials(CredentialsIssuer.fromConfig(config, ActionCatalog.builtIn())).build();
        engine.policySha256 = pinned.sha256();
        if ("sts".equals(config.get(AirlockConfig.REQUESTER_AWS_IDENTITY))) {
            engine.requester.learnAwsIdentity(config);
        }
        return engine;
    }

    /** An engine for what-if questions: it writes no audit and no plan, and files no approval request. */
    public static Engine forQuestions(AirlockConfig config) throws ConfigException {
        return builder(config).policy(loadPolicy(config.policyFile())).build();
    }

    static Policy loadPolicy(Path file) throws ConfigException {
        if (file == null) {
            return Policy.builtInDefault();
        }
        try {
            return Policy.parse(file);
        } catch (PolicyException e) {
            throw new ConfigException("policy: " + e.getMessage(), e);
        }
    }

    /** Two approvers where the environment is production, one elsewhere. */
    private static int defaultApprovers(AirlockConfig config) {
        String env = config.environment();
        return env != null && (env.equalsIgnoreCase("prod") || env.equalsIgnoreCase("production")) ? 2 : 1;
    }

    /** Replaces the policy atomically: calls in flight finish under the old one, the next call sees the new one. */
    public void swapPolicy(Policy next) {
        policy.swap(next);
    }

    /**
     * The settings a child JVM inherits: this engine's configuration, with its policy pinned by the digest it
     * was read with.
     */
    public java.util.Map<String, String> settingsForChildren() {
        java.util.Map<String, String> settings = new java.util.TreeMap<>(config.asMap());
        if (policySha256 != null) {
            settings.put(AirlockConfig.POLICY_SHA256, policySha256);
        }
        return settings;
    }

    /** The engine as the SDK hooks and the library-mode interceptor ask it. */
    public CallGuard guard() {
        return guard;
    }

    /** Waits, briefly, for the tool's AWS identity while it is being looked up. */
    void awaitRequesterIdentity() {
        requester.awaitAwsIdentity();
    }

    /** Builds calls from what SDK hooks see, with this engine's catalog, account and requester. */
    public SdkCalls sdkCalls() {
        return sdkCalls;
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    public AirlockConfig config() {
        return config;
    }

    public AuditLog audit() {
        return audit;
    }

    public PlanBook plans() {
        return plans;
    }

    /** The parts the engine was assembled from. */
    public Parts parts() {
        return parts;
    }

    public Requester requester() {
        return requester.current();
    }

    /**
     * The fast path every SDK call takes first: true when the call is a read the policy lets through whatever its
     * request says. Its decision is then audited here and nothing more is asked. Never throws.
     */
    public boolean screen(String sdkService, String signingName, String operation) {
        long start = System.nanoTime();
        if (parts.credentials().issues()) {
            return false; // brokered reads are signed with the read-only session, which the gates hand out
        }
        try {
            PolicyHolder.FastEntry entry = policy.fastEntry(sdkService, signingName, operation);
            if (entry.decision() == null) {
                return false;
            }
            Operation op = entry.operation();
            PolicyDecision d = entry.decision();
            audit.record(new AuditRecord(System.currentTimeMillis(), op.servicePrefix(), operation, op.action(),
                    op.classification(), d.statementId(), d.effect().word(), "PROCEED", null, null,
                    System.nanoTime() - start, null));
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * The operation the fast path settled for this SDK call, with its service prefix; null when there is none to
     * reuse (then the call is settled from the catalog as it is built). Never throws.
     */
    PolicyHolder.FastEntry settledOperation(String sdkService, String signingName, String operation) {
        try {
            PolicyHolder.FastEntry entry = policy.fastEntry(sdkService, signingName, operation);
            return entry.settledFor(signingName) ? entry : null;
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * From now on, notices {@code airlock.*} system properties that differ from {@code atStart}: each change is
     * ignored and recorded once in the audit.
     */
    void watchSettings(java.util.Properties atStart) {
        settingsWatch = new SettingsWatch(atStart);
    }

    /** Records in the audit each change of Airlock's system properties since start, once; never throws. */
    void recordSettingChanges() {
        SettingsWatch watch = settingsWatch;
        if (watch == null) {
            return;
        }
        try {
            for (String change : watch.newChanges()) {
                recordTamper(change);
            }
        } catch (RuntimeException e) {
            // the settings in force stay the ones read at start either way
        }
    }

    /** One audit record for something Airlock refused or ignored inside the process it guards. */
    void recordTamper(String what) {
        audit.record(new AuditRecord(System.currentTimeMillis(), "airlock", "Tamper", "airlock:Tamper",
                Classification.DESTRUCTIVE, "sealed", "-", "DENY", what, null, 0, null));
    }

    /** Decides one call: policy, then the gates; audits the decision. Never throws. */
    public Verdict decide(Call call) {
        long start = System.nanoTime();
        PolicyDecision decision = null;
        CallContext gated = null;
        Verdict verdict;
        try {
            decision = policy.current().evaluate(call, context);
            if (decision.effect() == Effect.DENY) {
                verdict = deniedByPolicy(decision);
            } else {
                gated = new CallContext(call, decision, parts.prober());
                verdict = runGates(gated);
            }
        } catch (Throwable t) {
            verdict = internalError(call.classification(), t);
        } finally {
            if (call.probes() != null) {
                call.probes().close();
            }
        }
        String approvalId = verdict.approvalId() != null ? verdict.approvalId()
                : gated != null ? gated.approvalId() : null;
        audit.record(new AuditRecord(System.currentTimeMillis(), call.service(), call.operation(), call.action(),
                call.classification(), decision == null ? "error" : decision.statementId(),
                decision == null ? "-" : decision.effect().word(), verdict.outcome().name(), verdict.reason(),
                approvalId, System.nanoTime() - start, call, gated == null ? null : gated.planIfKnown()));
        return verdict;
    }

    /** The policy decision alone, for {@code airlock explain}. */
    public PolicyDecision evaluate(Call call) {
        return policy.current().evaluate(call, context);
    }

    private Verdict runGates(CallContext gated) {
        for (Gate gate : gates) {
            Verdict v = gate.check(gated);
            if (v != null) {
                return v;
            }
        }
        Verdict tripped = killSwitchGate.observe(gated);
        return tripped != null ? tripped : Verdict.proceed();
    }

    private static Verdict deniedByPolicy(PolicyDecision d) {
        return Verdict.deny("policy", "statement " + d.statementId() + " (" + d.source() + ") denies it",
                "this call is not allowed here; do not retry it. Tell the human you work for what you tried.");
    }

    private Verdict internalError(Classification classification, Throwable t) {
        if (classification == Classification.READ && config.readsFailOpen()) {
            return Verdict.proceed();
        }
        return Verdict.deny("error", "Airlock could not decide this call (" + t + "), and calls that change "
                + "state fail closed", "report this error to the human you work for; do not retry.");
    }

    @Override
    public void close() {
        try {
            plans.close();
        } finally {
            try {
                audit.close();
            } finally {
                parts.close();
            }
        }
    }

    /**
     * The parts an engine is assembled from, beside its audit log and plan book.
     */
    public record Parts(ApprovalDesk approvals, CredentialsIssuer credentials, Prober prober, BudgetStore budgets,
                        KillSwitch killSwitch) implements AutoCloseable {

        @Override
        public void close() {
            for (AutoCloseable part : new AutoCloseable[] {approvals, credentials, prober, budgets, killSwitch}) {
                try {
                    part.close();
                } catch (Exception e) {
                    // One part that fails to close must not keep the others open.
                }
            }
        }
    }

    /** Assembles an engine; every part not set is its embedded default. */
    public static final class Builder {
        private final AirlockConfig config;
        private ActionCatalog catalog = ActionCatalog.builtIn();
        private Policy policy;
        private AuditLog audit = AuditLog.discard();
        private PlanBook plans = PlanBook.discard();
        private ApprovalDesk approvals = ApprovalDesk.none();
        private CredentialsIssuer credentials = CredentialsIssuer.ambient();
        private Prober prober = Prober.requestOnly();
        private Prober.Factory proberFactory;
        private BudgetStore budgets;
        private KillSwitch killSwitch;
        private Requester requester;

        private Builder(AirlockConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder catalog(ActionCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** The policy; the built-in default when not set. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where decisions are recorded; nowhere when not set. */
        public Builder audit(AuditLog audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /** Where dry-run plans go; nowhere when not set. */
        public Builder plans(PlanBook plans) {
            this.plans = Objects.requireNonNull(plans, "plans");
            return this;
        }

        /** Where approval requests are filed; none when not set, and calls needing approval are held. */
        public Builder approvals(ApprovalDesk approvals) {
            this.approvals = Objects.requireNonNull(approvals, "approvals");
            return this;
        }

        /** Who issues per-action sessions; the client's own credentials when not set. */
        public Builder credentials(CredentialsIssuer credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Who works out blast radius; the request alone when not set. */
        public Builder prober(Prober prober) {
            this.prober = Objects.requireNonNull(prober, "prober");
            this.proberFactory = null;
            return this;
        }

        /** Who works out blast radius, built with the engine's guard so its probes are the engine's own. */
        public Builder probes(Prober.Factory factory) {
            this.proberFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Where destruction budgets are counted; this JVM alone when not set. */
        public Builder budgets(BudgetStore budgets) {
            this.budgets = Objects.requireNonNull(budgets, "budgets");
            return this;
        }

        /** The kill switch; one of this JVM alone when not set. */
        public Builder killSwitch(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
            return this;
        }

        /** Who asks; this process and its OS user when not set. */
        public Builder requester(Requester requester) {
            this.requester = Objects.requireNonNull(requester, "requester");
            return this;
        }

        public Engine build() {
            if (policy == null) {
                policy = Policy.builtInDefault();
            }
            if (budgets == null) {
                budgets = BudgetStore.local();
            }
            if (killSwitch == null) {
                killSwitch = KillSwitch.local();
            }
            return new Engine(this);
        }
    }
}

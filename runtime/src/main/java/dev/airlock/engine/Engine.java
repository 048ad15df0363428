package dev.airlock.engine;

import dev.airlock.audit.AuditLog;
import dev.airlock.audit.AuditRecord;
import dev.airlock.bridge.CallGate;
import dev.airlock.bridge.GateAnswer;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigException;
import dev.airlock.gate.ApprovalGate;
import dev.airlock.gate.CredentialsGate;
import dev.airlock.gate.DryRunGate;
import dev.airlock.gate.Gate;
import dev.airlock.gate.RateBudgetGate;
import dev.airlock.gate.Verdict;
import dev.airlock.plan.PlanBook;
import dev.airlock.policy.Effect;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyContext;
import dev.airlock.policy.PolicyDecision;
import dev.airlock.policy.PolicyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine: catalog, then policy, then the gates, then one audit record per decision. Usable as a plain
 * library ({@link #decide(Call)}) and, through {@link CallGate}, by the SDK hooks of the agent or of the
 * library-mode interceptor.
 */
public final class Engine implements CallGate, AutoCloseable {

    private final AirlockConfig config;
    private final ActionCatalog catalog;
    private final PolicyHolder policy;
    private final List<Gate> gates;
    private final AuditLog audit;
    private final PlanBook plans;
    private final Requester requester;
    private final PolicyContext context;

    public Engine(AirlockConfig config, ActionCatalog catalog, Policy policy, AuditLog audit, PlanBook plans) {
        this.config = Objects.requireNonNull(config);
        this.catalog = Objects.requireNonNull(catalog);
        this.audit = Objects.requireNonNull(audit);
        this.plans = Objects.requireNonNull(plans);
        this.requester = Requester.ofThisProcess(config.tool());
        this.context = new PolicyContext(config.tool(), config.environment());
        this.policy = new PolicyHolder(policy, catalog, context);
        this.gates = List.of(
                new DryRunGate(plans, config.mode() == AirlockConfig.Mode.DRY_RUN),
                new ApprovalGate(),
                new RateBudgetGate(),
                new CredentialsGate(config.brokeredCredentials()));
    }

    /** An engine as the config describes it: its policy file, audit file and plan directory. */
    public static Engine start(AirlockConfig config) throws ConfigException {
        Policy policy = loadPolicy(config.policyFile());
        Requester requester = Requester.ofThisProcess(config.tool());
        AuditLog audit = config.auditEnabled() ? AuditLog.toFile(config.auditFile(), requester) : AuditLog.discard();
        return new Engine(config, ActionCatalog.builtIn(), policy, audit, PlanBook.inDirectory(config.planDir()));
    }

    /** An engine for what-if questions: it writes no audit and no plan. */
    public static Engine forQuestions(AirlockConfig config) throws ConfigException {
        return new Engine(config, ActionCatalog.builtIn(), loadPolicy(config.policyFile()), AuditLog.discard(),
                PlanBook.discard());
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

    /** Replaces the policy atomically: calls in flight finish under the old one, the next call sees the new one. */
    public void swapPolicy(Policy next) {
        policy.swap(next);
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

    @Override
    public int screen(String sdkService, String signingName, String operation) {
        long start = System.nanoTime();
        try {
            PolicyHolder.FastEntry entry = policy.fastEntry(sdkService, signingName, operation);
            if (entry.decision() == null) {
                return NEEDS_REQUEST;
            }
            Operation op = entry.operation();
            PolicyDecision d = entry.decision();
            audit.record(new AuditRecord(System.currentTimeMillis(), op.servicePrefix(), operation, op.action(),
                    op.classification(), d.statementId(), d.effect().word(), "PROCEED", null, null,
                    System.nanoTime() - start, null));
            return PROCEED;
        } catch (Throwable t) {
            return NEEDS_REQUEST;
        }
    }

    @Override
    public GateAnswer decide(String origin, String sdkService, String signingName, String operation, String region,
                             String endpoint, Map<String, Object> request) {
        Call call;
        try {
            call = toCall(origin, sdkService, signingName, operation, region, endpoint, request);
        } catch (Throwable t) {
            return failedToDecide(sdkService, signingName, operation, t);
        }
        Verdict verdict = decide(call);
        if (verdict.proceeds()) {
            return verdict.credentials() == null ? GateAnswer.proceed() : GateAnswer.proceedWith(verdict.credentials());
        }
        return GateAnswer.stop(verdict.outcome().name(), verdict.messageFor(call), verdict.approvalId());
    }

    /** Builds the call from what an SDK hook saw. */
    public Call toCall(String origin, String sdkService, String signingName, String operation, String region,
                       String endpoint, Map<String, Object> request) {
        String service = catalog.servicePrefix(sdkService, signingName);
        Operation op = catalog.operation(service, operation);
        Map<String, Object> params = request == null ? Map.of() : request;
        List<String> resources = catalog.resources(op, params, region, config.account());
        return Call.builder()
                .origin(origin)
                .service(service)
                .operation(operation)
                .actions(op.actions())
                .classification(catalog.classify(op, params))
                .resources(resources)
                .region(region)
                .account(config.account() != null ? config.account() : accountOf(resources))
                .endpoint(endpoint)
                .parameters(params)
                .requester(requester)
                .build();
    }

    /** Decides one call: policy, then the gates; audits the decision. Never throws. */
    public Verdict decide(Call call) {
        long start = System.nanoTime();
        PolicyDecision decision = null;
        Verdict verdict;
        try {
            decision = policy.current().evaluate(call, context);
            verdict = decision.effect() == Effect.DENY ? deniedByPolicy(decision) : runGates(call, decision);
        } catch (Throwable t) {
            verdict = internalError(call.classification(), t);
        }
        audit.record(new AuditRecord(System.currentTimeMillis(), call.service(), call.operation(), call.action(),
                call.classification(), decision == null ? "error" : decision.statementId(),
                decision == null ? "-" : decision.effect().word(), verdict.outcome().name(), verdict.reason(),
                verdict.approvalId(), System.nanoTime() - start, call));
        return verdict;
    }

    /** The policy decision alone, for {@code airlock explain}. */
    public PolicyDecision evaluate(Call call) {
        return policy.current().evaluate(call, context);
    }

    private Verdict runGates(Call call, PolicyDecision decision) {
        for (Gate gate : gates) {
            Verdict v = gate.check(call, decision);
            if (v != null) {
                return v;
            }
        }
        return Verdict.proceed();
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

    private GateAnswer failedToDecide(String sdkService, String signingName, String operation, Throwable t) {
        Classification c = FailClosedGate.classifyOrAssumeDestructive(catalog, sdkService, signingName, operation);
        if (c == Classification.READ && config.readsFailOpen()) {
            return GateAnswer.proceed();
        }
        return GateAnswer.stop(GateAnswer.DENY, "Airlock denied " + sdkService + "." + operation + ": it was NOT "
                + "sent. Why: Airlock could not read this request (" + t + "), and calls that change state fail "
                + "closed. Next: report this error to the human you work for; do not retry.", null);
    }

    private static String accountOf(List<String> resources) {
        for (String arn : resources) {
            String account = accountSegment(arn);
            if (account != null) {
                return account;
            }
        }
        return null;
    }

    /** The fifth ARN segment when it is a 12-digit account id. */
    private static String accountSegment(String arn) {
        int from = 0;
        for (int i = 0; i < 4; i++) {
            from = arn.indexOf(':', from) + 1;
            if (from == 0) {
                return null;
            }
        }
        int to = arn.indexOf(':', from);
        if (to - from != 12) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(arn.charAt(i))) {
                return null;
            }
        }
        return arn.substring(from, to);
    }

    @Override
    public void close() {
        try {
            plans.close();
        } finally {
            audit.close();
        }
    }
}

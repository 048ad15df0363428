package dev.airlock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.config.AirlockConfig;
import dev.airlock.config.ConfigLoader;
import dev.airlock.credentials.CredentialsException;
import dev.airlock.credentials.SessionPolicy;
import dev.airlock.engine.Engine;
import dev.airlock.gate.Verdict;
import dev.airlock.policy.Budget;
import dev.airlock.policy.PolicyDecision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What Airlock would do with one IAM action on some resources, as one JSON object. Sends nothing, records nothing. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows how an IAM action is classified and what the policy and gates decide for it.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "An IAM action, e.g. s3:DeleteBucket.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN", description = "A resource ARN the call touches (repeatable).")
    List<String> resources = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: the configured one).")
    Path policy;

    @Option(names = "--config", paramLabel = "FILE", description = "airlock.yaml to read.")
    Path config;

    @Option(names = "--region", description = "Region of the call.")
    String region;

    @Option(names = "--tool", description = "Tool name the policy's airlock:Tool conditions see.")
    String tool;

    @Override
    public Integer call() throws Exception {
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1) {
            throw new IllegalArgumentException("ACTION must look like service:Action, e.g. s3:DeleteBucket; got '"
                    + action + "'");
        }
        AirlockConfig cfg = ConfigLoader.load(agentStyleArgs());
        Engine engine = Engine.forQuestions(cfg);
        Call call = callFor(engine.catalog(), cfg);
        PolicyDecision decision = engine.evaluate(call);
        Verdict verdict = engine.decide(call);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", call.action());
        ActionInfo info = engine.catalog().action(call.action());
        out.put("known", info != null);
        out.put("accessLevel", info == null ? null : info.accessLevel());
        out.put("classification", call.classification().name());
        out.put("resources", call.resources());
        out.put("effect", decision.effect().word());
        out.put("statement", decision.statementId());
        out.put("source", decision.source());
        out.put("budgets", decision.budgets().stream().map(Budget::id).toList());
        out.put("verdict", verdict.outcome().name());
        out.put("proceeds", verdict.proceeds());
        out.put("reason", verdict.reason());
        out.put("decidedBy", verdict.decidedBy());
        out.put("sessionPolicy", sessionPolicy(call, engine.catalog()));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }

    /** The session policy a per-action session for this call would be issued under, or why there would be none. */
    private static Object sessionPolicy(Call call, ActionCatalog catalog) throws Exception {
        if (call.classification() == Classification.READ) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(SessionPolicy.forCall(call, catalog).json());
        } catch (CredentialsException e) {
            return Map.of("error", e.getMessage());
        }
    }

    private String agentStyleArgs() {
        List<String> args = new ArrayList<>();
        args.add("audit.enabled=false");
        if (config != null) {
            args.add("config=" + config);
        }
        if (policy != null) {
            args.add("policy=" + policy);
        }
        if (tool != null) {
            args.add("tool=" + tool);
        }
        return String.join(",", args);
    }

    private Call callFor(ActionCatalog catalog, AirlockConfig cfg) {
        String service = action.substring(0, action.indexOf(':'));
        String name = action.substring(action.indexOf(':') + 1);
        ActionInfo info = catalog.action(action);
        Classification classification = info != null ? info.classification()
                : catalog.operation(service, name).classification();
        return Call.builder()
                .origin("explain")
                .service(service)
                .operation(name)
                .actions(List.of(info != null ? info.servicePrefix() + ":" + info.name() : action))
                .classification(classification)
                .resources(resources)
                .region(region)
                .account(cfg.account())
                .requester(Requester.ofThisProcess(tool == null ? "airlock-explain" : tool))
                .build();
    }
}

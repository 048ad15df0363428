package dev.airlock.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
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

/**
 * What Airlock would do with one call, as one JSON object. The call is built by the same code the agent uses
 * ({@code engine.sdkCalls().toCall}), so {@code explain} and a guarded JVM agree. Sends nothing, records nothing.
 *
 * <p>Without {@code --request}, an operation whose classification depends on its request is shown at its worst:
 * {@code dependsOn} names the members the request rules read, and {@code proceeds} is false when the call would
 * be stopped were those members to make it destructive.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows how a call is classified and what the policy and gates decide for it.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "service:Operation, e.g. s3:DeleteBucket.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN", description = "A resource ARN the call touches (repeatable).")
    List<String> resources = new ArrayList<>();

    @Option(names = "--request", paramLabel = "JSON",
            description = "The request's fields as JSON, e.g. '{\"Bucket\":\"photos\"}', so request rules apply.")
    String request;

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
            throw new IllegalArgumentException("ACTION must look like service:Operation, e.g. s3:DeleteBucket; got '"
                    + action + "'");
        }
        String service = action.substring(0, colon);
        String operation = action.substring(colon + 1);
        Map<String, Object> fields = fields();
        AirlockConfig cfg = ConfigLoader.load(agentStyleArgs());
        Engine engine = Engine.forQuestions(cfg);
        Call call = engine.sdkCalls().toCall("explain", service, service, operation, region, null, fields, null);
        if (!resources.isEmpty()) {
            call = with(call, call.classification(), resources);
        }
        Operation op = engine.catalog().operation(call.service(), operation);
        List<String> dependsOn = request == null ? engine.catalog().dependsOn(op) : List.of();
        PolicyDecision decision = engine.evaluate(call);
        Verdict verdict = engine.decide(call);
        boolean proceeds = verdict.proceeds();
        if (!dependsOn.isEmpty() && call.classification() != Classification.DESTRUCTIVE) {
            proceeds &= engine.decide(with(call, Classification.DESTRUCTIVE, call.resources())).proceeds();
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", call.action());
        ActionInfo info = engine.catalog().action(call.action());
        out.put("known", info != null);
        out.put("accessLevel", info == null ? null : info.accessLevel());
        out.put("classification", call.classification().name());
        out.put("dependsOn", dependsOn);
        out.put("resources", call.resources());
        out.put("effect", decision.effect().word());
        out.put("statement", decision.statementId());
        out.put("source", decision.source());
        out.put("budgets", decision.budgets().stream().map(Budget::id).toList());
        out.put("verdict", verdict.outcome().name());
        out.put("proceeds", proceeds);
        out.put("reason", verdict.reason());
        out.put("decidedBy", verdict.decidedBy());
        out.put("sessionPolicy", sessionPolicy(call, engine.catalog()));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }

    private Map<String, Object> fields() {
        if (request == null) {
            return Map.of();
        }
        try {
            return new ObjectMapper().readValue(request, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("--request must be a JSON object of the request's fields, e.g. "
                    + "'{\"Bucket\":\"photos\"}': " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Call with(Call c, Classification classification, List<String> resources) {
        return Call.builder().origin(c.origin()).service(c.service()).operation(c.operation()).actions(c.actions())
                .classification(classification).resources(resources).region(c.region()).account(c.account())
                .endpoint(c.endpoint()).parameters(c.parameters()).requester(c.requester()).build();
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
}

package dev.airlock.process.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import java.util.List;
import java.util.Map;

/**
 * What the recognisers need from the engine: the catalog, the requester and the configured account; and how a
 * pseudo-action of a tool ({@code terraform:Destroy}) becomes a call.
 *
 * @param terraformPlans dry runs of Terraform, or null when Airlock must not run any
 */
public record ToolContext(ActionCatalog catalog, Requester requester, String account,
                          TerraformPlans terraformPlans) {

    /** Origin of calls made by the aws CLI. */
    public static final String CLI = "cli";
    /** Origin of calls made by other tools started as processes. */
    public static final String PROCESS = "process";

    /** A call of a tool that is not an AWS API: {@code service:operation} is its pseudo-action. */
    Call toolCall(String tool, String operation, Classification classification, Map<String, Object> parameters,
                  List<String> resources, Invocation invocation) {
        return Call.builder()
                .origin(PROCESS)
                .service(tool)
                .operation(operation)
                .actions(List.of(tool + ":" + operation))
                .classification(classification)
                .resources(resources)
                .region(region(invocation.env(), null))
                .account(account)
                .parameters(parameters)
                .requester(requester)
                .build();
    }

    /**
     * A part of a command Airlock cannot read and that could start a destructive tool ({@code process:RunUnseen}):
     * decided as a destructive call, so that the policy holds it and a human can approve this exact command.
     */
    Call unseenCall(String what, Env env) {
        return Call.builder()
                .origin(PROCESS)
                .service("process")
                .operation("RunUnseen")
                .actions(List.of("process:RunUnseen"))
                .classification(Classification.DESTRUCTIVE)
                .resources(List.of())
                .region(region(env, null))
                .account(account)
                .parameters(Map.of("What", what))
                .requester(requester)
                .build();
    }

    /** The region a tool would use: its flag, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}. */
    static String region(Env env, String flag) {
        if (flag != null && !flag.isEmpty()) {
            return flag;
        }
        String r = env.get("AWS_REGION");
        if (r == null || r.isEmpty()) {
            r = env.get("AWS_DEFAULT_REGION");
        }
        return r == null || r.isEmpty() ? null : r;
    }
}

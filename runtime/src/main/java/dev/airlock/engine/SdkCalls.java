package dev.airlock.engine;

import dev.airlock.bridge.ProbeChannel;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns what an SDK hook saw (service and operation names, region, endpoint, the request's fields) into a
 * {@link Call}: its IAM actions, classification, resource ARNs and account. The one way a Call is built from an
 * SDK request, for the agent, library mode and {@code airlock explain} alike.
 */
public final class SdkCalls {

    private final ActionCatalog catalog;
    private final String account;
    private final Supplier<Requester> requester;
    private final boolean holdUnknown;

    /**
     * @param account the configured account id, or null to take it from the ARNs the request reveals
     * @param requester who asks, as known when each call is built
     */
    public SdkCalls(ActionCatalog catalog, String account, Supplier<Requester> requester) {
        this(catalog, account, requester, true);
    }

    /** @param holdUnknown true to classify an operation nothing knows as DESTRUCTIVE ({@code unknown: hold}) */
    public SdkCalls(ActionCatalog catalog, String account, Supplier<Requester> requester, boolean holdUnknown) {
        this.catalog = catalog;
        this.account = account;
        this.requester = requester;
        this.holdUnknown = holdUnknown;
    }

    /** @param probes a read-only way to the calling client, or null */
    public Call toCall(String origin, String sdkService, String signingName, String operation, String region,
                       String endpoint, Map<String, Object> request, ProbeChannel probes) {
        String service = catalog.servicePrefix(sdkService, signingName);
        return toCall(origin, service, catalog.operation(service, operation), operation, region, endpoint, request,
                probes);
    }

    /**
     * As {@link #toCall(String, String, String, String, String, String, Map, ProbeChannel)}, for an operation
     * already settled from the catalog (the engine's fast path settles each once): {@code service} and {@code op}
     * must be what {@link ActionCatalog#servicePrefix} and {@link ActionCatalog#operation} give for the call.
     */
    Call toCall(String origin, String service, Operation op, String operation, String region, String endpoint,
                Map<String, Object> request, ProbeChannel probes) {
        Map<String, Object> params = request == null ? Map.of() : request;
        List<String> resources = catalog.resources(op, params, region, account);
        Classification classification = classify(op, params);
        return Call.builder()
                .origin(origin)
                .service(service)
                .operation(operation)
                .actions(classification == Classification.DESTRUCTIVE ? destroyingFirst(op.actions()) : op.actions())
                .classification(classification)
                .resources(resources)
                .region(region)
                .account(account != null ? account : accountOf(resources))
                .endpoint(endpoint)
                .parameters(params)
                .requester(requester.get())
                .probes(probes)
                .build();
    }

    /**
     * The actions with the one that destroys first, so that a message names it: a TransactWriteItems with a
     * Delete is held as {@code dynamodb:DeleteItem}, not as the PutItem it also maps to.
     */
    private List<String> destroyingFirst(List<String> actions) {
        if (actions.size() < 2) {
            return actions;
        }
        for (int i = 1; i < actions.size(); i++) {
            dev.airlock.catalog.ActionInfo info = catalog.action(actions.get(i));
            dev.airlock.catalog.ActionInfo first = catalog.action(actions.get(0));
            if (info != null && info.classification() == Classification.DESTRUCTIVE
                    && (first == null || first.classification() != Classification.DESTRUCTIVE)) {
                List<String> reordered = new java.util.ArrayList<>(actions.size());
                reordered.add(actions.get(i));
                for (int j = 0; j < actions.size(); j++) {
                    if (j != i) {
                        reordered.add(actions.get(j));
                    }
                }
                return reordered;
            }
        }
        return actions;
    }

    private Classification classify(Operation op, Map<String, Object> params) {
        Classification c = catalog.classify(op, params);
        if (holdUnknown && c == Classification.WRITE && catalog.unknownAltogether(op)) {
            return Classification.DESTRUCTIVE;
        }
        return c;
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
    static String accountSegment(String arn) {
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
}

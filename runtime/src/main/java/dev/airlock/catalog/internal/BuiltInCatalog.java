package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PLACEHOLDER: verb rules only, to be replaced by the catalog compiled from the IAM service reference. */
public final class BuiltInCatalog implements ActionCatalog {

    private static final BuiltInCatalog INSTANCE = new BuiltInCatalog();

    public static ActionCatalog instance() {
        return INSTANCE;
    }

    @Override
    public String servicePrefix(String sdkService, String signingName) {
        return signingName != null ? signingName : sdkService.toLowerCase(Locale.ROOT);
    }

    @Override
    public Operation operation(String servicePrefix, String operationName) {
        Classification c = operationName.matches("^(Get|List|Describe|Head|Query|Scan).*") ? Classification.READ
                : operationName.matches("^(Delete|Terminate|Purge|Remove).*") ? Classification.DESTRUCTIVE
                : Classification.WRITE;
        return new Operation(servicePrefix, operationName, List.of(servicePrefix + ":" + operationName), c, false);
    }

    @Override
    public ActionInfo action(String iamAction) {
        return null;
    }

    @Override
    public Classification classify(Operation operation, Map<String, Object> request) {
        return operation.classification();
    }

    @Override
    public List<String> resources(Operation operation, Map<String, Object> request, String region, String account) {
        return List.of("*");
    }

    @Override
    public int size() {
        return 0;
    }
}

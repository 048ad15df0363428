package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import dev.airlock.catalog.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog compiled from the IAM service reference ({@code runtime/tools/catalog}), with the reviewed
 * classification rules on top. Creating it reads nothing; a service's file is read on the first use of that
 * service. Operations are settled once and cached, so the calls made on every request are map look-ups.
 */
public final class BuiltInCatalog implements ActionCatalog {

    /** Operations of one service beyond this many are answered without being cached. */
    private static final int CACHED_OPERATIONS_PER_SERVICE = 4096;

    private static final class Shipped {
        static final BuiltInCatalog INSTANCE = new BuiltInCatalog(
                new CatalogFiles(BuiltInCatalog.class.getClassLoader(), CatalogFiles.DEFAULT_LOCATION));
    }

    /** Everything settled about one operation. */
    private record Entry(Operation operation, List<ArnTemplate> templates) {
    }

    private final CatalogFiles files;
    private final ServicePrefixes prefixes;
    private final ResourceArns resourceArns = new ResourceArns();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Entry>> entries = new ConcurrentHashMap<>();

    BuiltInCatalog(CatalogFiles files) {
        this.files = files;
        this.prefixes = new ServicePrefixes(files::hasService);
    }

    public static ActionCatalog instance() {
        return Shipped.INSTANCE;
    }

    @Override
    public String servicePrefix(String sdkService, String signingName) {
        return prefixes.of(sdkService, signingName);
    }

    @Override
    public Operation operation(String servicePrefix, String operationName) {
        return entry(servicePrefix == null ? "unknown" : servicePrefix, operationName == null ? "" : operationName)
                .operation();
    }

    @Override
    public ActionInfo action(String iamAction) {
        if (iamAction == null) {
            return null;
        }
        int colon = iamAction.indexOf(':');
        if (colon <= 0 || colon == iamAction.length() - 1) {
            return null;
        }
        ServiceActions service = files.service(iamAction.substring(0, colon).toLowerCase(Locale.ROOT));
        return service == null ? null : service.action(iamAction.substring(colon + 1));
    }

    @Override
    public Classification classify(Operation operation, Map<String, Object> request) {
        Classification settled = operation.classification();
        if (settled != Classification.WRITE || request == null) {
            return settled;
        }
        if (request.containsKey(ActionCatalog.STRUCTURE_CUT)) {
            // Part of the request could not be read: decided as if that part destroyed.
            return Classification.DESTRUCTIVE;
        }
        try {
            return RequestRules.destroys(operation.servicePrefix(), operation.name(), request)
                    ? Classification.DESTRUCTIVE : settled;
        } catch (RuntimeException e) {
            // A request shaped unlike the SDK model: treat it as the more dangerous reading.
            return Classification.DESTRUCTIVE;
        }
    }

    @Override
    public boolean unknownAltogether(Operation operation) {
        return !operation.known() && action(operation.action()) == null && !ActionRules.knowsVerb(operation.name());
    }

    @Override
    public List<String> dependsOn(Operation operation) {
        if (operation.classification() != Classification.WRITE) {
            return List.of();
        }
        MembersRead read = new MembersRead();
        try {
            RequestRules.destroys(operation.servicePrefix(), operation.name(), read);
        } catch (RuntimeException e) {
            // the members read before the rule gave up are still what it depends on
        }
        return read.names();
    }

    @Override
    public List<String> resources(Operation operation, Map<String, Object> request, String region, String account) {
        try {
            return resourceArns.resolve(operation.servicePrefix(), operation.name(), entryOf(operation).templates(),
                    request, ArnScope.of(region, account));
        } catch (RuntimeException e) {
            return ResourceArns.ANY;
        }
    }

    @Override
    public int size() {
        return files.size();
    }

    /** The entry settled for this operation; one made on the spot when the operation was built elsewhere. */
    private Entry entryOf(Operation operation) {
        Entry entry = entry(operation.servicePrefix(), operation.name());
        return entry.operation() == operation || entry.operation().equals(operation) ? entry : settle(operation);
    }

    private Entry entry(String prefix, String name) {
        ConcurrentHashMap<String, Entry> service = entries.get(prefix);
        if (service == null) {
            service = entries.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
        }
        Entry entry = service.get(name);
        if (entry != null) {
            return entry;
        }
        entry = settle(prefix, name);
        if (service.size() < CACHED_OPERATIONS_PER_SERVICE) {
            Entry raced = service.putIfAbsent(name, entry);
            return raced != null ? raced : entry;
        }
        return entry;
    }

    private Entry settle(String prefix, String name) {
        if (name.isBlank()) {
            return settle(new Operation(prefix, name, List.of(prefix.concat(":*")), Classification.DESTRUCTIVE, false));
        }
        SdkOperations.Mapping mapping = SdkOperations.lookup(prefix, name);
        if (mapping != null) {
            List<ActionInfo> infos = new ArrayList<>(mapping.actions().size());
            Classification classification = mapping.classification();
            boolean derive = classification == null;
            for (String action : mapping.actions()) {
                ActionInfo info = action(action);
                infos.add(info);
                if (derive) {
                    Classification own = info != null ? info.classification() : ActionRules.unknownOperation(name);
                    classification = classification == null ? own : classification.max(own);
                }
            }
            Operation operation = new Operation(prefix, name, mapping.actions(), classification, infos.get(0) != null);
            return new Entry(operation, prefix.equals("apigateway") ? apiGatewayTemplates() : templatesOf(infos));
        }
        ServiceActions service = files.service(prefix);
        ActionInfo info = service == null ? null : service.action(name);
        Operation operation = info != null
                ? new Operation(prefix, name, List.of(actionName(prefix, info.name())), info.classification(), true)
                : new Operation(prefix, name, List.of(actionName(prefix, name)), ActionRules.unknownOperation(name), false);
        return new Entry(operation, info == null ? List.of() : templatesOf(List.of(info)));
    }

    private Entry settle(Operation operation) {
        List<ActionInfo> infos = new ArrayList<>();
        for (String action : operation.actions()) {
            infos.add(action(action));
        }
        return new Entry(operation, templatesOf(infos));
    }

    /**
     * {@code prefix:name}. Written without the {@code +} operator, as are the other strings built on the first
     * use of a service: in a cold JVM each new string-concatenation shape costs milliseconds to link.
     */
    static String actionName(String prefix, String name) {
        return prefix.concat(":").concat(name);
    }

    /**
     * API Gateway's HTTP-method actions apply to every path of its management API, though the reference lists
     * only some of them per method; {@link ResourceArns} keeps the most specific path the request names.
     */
    private List<ArnTemplate> apiGatewayTemplates() {
        ServiceActions service = files.service("apigateway");
        List<ArnTemplate> all = new ArrayList<>();
        for (ResourceType type : service.resourceTypes()) {
            all.addAll(service.templates(type));
        }
        return List.copyOf(all);
    }

    /** The ARN templates of the actions' resource types, required ones first, each once. */
    private List<ArnTemplate> templatesOf(List<ActionInfo> infos) {
        List<ArnTemplate> required = new ArrayList<>();
        List<ArnTemplate> optional = new ArrayList<>();
        for (ActionInfo info : infos) {
            if (info == null) {
                continue;
            }
            ServiceActions service = files.service(info.servicePrefix());
            for (ResourceType type : info.resourceTypes()) {
                for (ArnTemplate template : service.templates(type)) {
                    if (!required.contains(template) && !optional.contains(template)) {
                        (type.required() ? required : optional).add(template);
                    }
                }
            }
        }
        required.addAll(optional);
        return List.copyOf(required);
    }
}

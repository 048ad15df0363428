package dev.airlock.credentials;

import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.Operation;
import java.util.Map;

/** Calls as the engine builds them from an SDK request: the catalog's actions, classification and ARNs. */
public final class Calls {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";

    private Calls() {
    }

    public static Call of(String service, String operation, Map<String, Object> request) {
        ActionCatalog catalog = ActionCatalog.builtIn();
        Operation op = catalog.operation(service, operation);
        return Call.builder().service(service).operation(operation).actions(op.actions())
                .classification(catalog.classify(op, request))
                .resources(catalog.resources(op, request, REGION, ACCOUNT))
                .region(REGION).account(ACCOUNT).parameters(request)
                .requester(new Requester("alice", "host", 1, "test-tool", null)).build();
    }

    public static Call deleteObject(String bucket, String key) {
        return of("s3", "DeleteObject", Map.of("Bucket", bucket, "Key", key));
    }

    public static Call getObject(String bucket, String key) {
        return of("s3", "GetObject", Map.of("Bucket", bucket, "Key", key));
    }
}

package dev.airlock.process.internal;

import dev.airlock.call.Classification;
import dev.airlock.catalog.ActionCatalog;
import dev.airlock.catalog.ActionInfo;
import dev.airlock.catalog.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog with the shape of the real one and a handful of facts: verbs classify, a few operations map to
 * IAM actions of another name, and action look-up ignores case, as the IAM reference does.
 */
final class TestCatalog implements ActionCatalog {

    private static final Map<String, String> RENAMED = Map.of(
            "s3:ListObjectsV2", "s3:ListBucket",
            "s3:ListBuckets", "s3:ListAllMyBuckets",
            "s3:DeleteObjects", "s3:DeleteObject",
            "lambda:Invoke", "lambda:InvokeFunction");
    private static final List<String> CANONICAL = List.of("rds:DescribeDBInstances", "rds:DeleteDBInstance",
            "s3:DeleteBucket");

    @Override
    public String servicePrefix(String sdkService, String signingName) {
        return signingName != null ? signingName : sdkService.toLowerCase(Locale.ROOT);
    }

    @Override
    public Operation operation(String servicePrefix, String operationName) {
        String key = servicePrefix + ":" + operationName;
        String action = RENAMED.getOrDefault(key, key);
        Classification c = operationName.matches("^(Get|List|Describe|Head|Query|Scan|Filter).*")
                ? Classification.READ
                : operationName.matches("^(Delete|Terminate|Purge|Remove).*") ? Classification.DESTRUCTIVE
                : Classification.WRITE;
        return new Operation(servicePrefix, operationName, List.of(action), c, true);
    }

    @Override
    public ActionInfo action(String iamAction) {
        for (String a : CANONICAL) {
            if (a.equalsIgnoreCase(iamAction)) {
                String prefix = a.substring(0, a.indexOf(':'));
                return new ActionInfo(a.substring(a.indexOf(':') + 1), prefix, "Write", Classification.WRITE,
                        List.of());
            }
        }
        return null;
    }

    @Override
    public Classification classify(Operation operation, Map<String, Object> request) {
        Object count = request.get("DesiredCount");
        if (count instanceof Number n && n.longValue() == 0) {
            return Classification.DESTRUCTIVE;
        }
        return operation.classification();
    }

    @Override
    public List<String> resources(Operation operation, Map<String, Object> request, String region,
                                  String account) {
        Object bucket = request.get("Bucket");
        if (operation.servicePrefix().equals("s3") && bucket instanceof String b) {
            return List.of("arn:aws:s3:::" + b);
        }
        return List.of("*");
    }

    @Override
    public int size() {
        return 0;
    }
}

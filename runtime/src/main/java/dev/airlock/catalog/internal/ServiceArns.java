package dev.airlock.catalog.internal;

import static dev.airlock.catalog.internal.RequestFields.get;
import static dev.airlock.catalog.internal.RequestFields.list;
import static dev.airlock.catalog.internal.RequestFields.map;
import static dev.airlock.catalog.internal.RequestFields.string;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The services whose requests name their resources in a way no ARN template variable matches: S3 keys, SQS
 * queue URLs, Lambda's partial ARNs, KMS key ids and aliases, DynamoDB batches and Route 53's prefixed ids.
 */
final class ServiceArns {

    private ServiceArns() {
    }

    /** Adds the request's ARNs and says true when it did, false when the ARN templates should be tried. */
    static boolean resolve(String prefix, String operation, Map<?, ?> request, ArnScope scope,
                           Collection<String> arns) {
        return switch (prefix) {
            case "s3" -> S3Arns.resolve(operation, request, scope, arns);
            case "sqs" -> sqs(request, scope, arns);
            case "lambda" -> lambda(request, scope, arns);
            case "kms" -> kms(request, scope, arns);
            case "dynamodb" -> dynamodb(request, scope, arns);
            case "route53" -> route53(request, scope, arns);
            default -> false;
        };
    }

    /**
     * A queue URL such as {@code https://sqs.us-east-1.amazonaws.com/123456789012/q} or
     * {@code http://localhost:9324/000000000000/q}: the account is the first path segment, the region comes from
     * an AWS host name, else from the client.
     */
    static boolean sqs(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        String url = string(request, "QueueUrl");
        if (url != null) {
            String queueArn = queueArnFromUrl(url, scope);
            if (queueArn != null) {
                arns.add(queueArn);
                return true;
            }
        }
        String name = string(request, "QueueName");
        if (name != null) {
            ArnScope owner = scope.withAccount(string(request, "QueueOwnerAWSAccountId"));
            arns.add(owner.arn("sqs", name));
            return true;
        }
        return false;
    }

    private static String queueArnFromUrl(String url, ArnScope scope) {
        int scheme = url.indexOf("://");
        int hostStart = scheme < 0 ? 0 : scheme + 3;
        int pathStart = url.indexOf('/', hostStart);
        if (pathStart < 0) {
            return null;
        }
        String host = url.substring(hostStart, pathStart);
        String[] path = url.substring(pathStart + 1).split("/");
        if (path.length < 2 || path[0].isEmpty() || path[path.length - 1].isEmpty()) {
            return null;
        }
        String account = isDigits(path[0]) ? path[0] : null;
        ArnScope queueScope = scope.withRegion(regionOfHost(host)).withAccount(account);
        return queueScope.arn("sqs", path[path.length - 1]);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** sqs.REGION.amazonaws.com, REGION.queue.amazonaws.com, sqs.REGION.api.aws; null for any other host. */
    static String regionOfHost(String host) {
        int port = host.indexOf(':');
        String name = port < 0 ? host : host.substring(0, port);
        String[] labels = name.split("\\.");
        if (labels.length >= 4 && labels[0].equals("sqs")) {
            return labels[1];
        }
        if (labels.length >= 4 && labels[1].equals("queue")) {
            return labels[0];
        }
        return null;
    }

    /**
     * {@code FunctionName} as a name ({@code my-fn}, {@code my-fn:alias}), a partial ARN
     * ({@code 123456789012:function:my-fn}) or an ARN; {@code Qualifier} names the version or alias.
     */
    static boolean lambda(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        String function = string(request, "FunctionName");
        if (function == null) {
            return false;
        }
        String qualifier = string(request, "Qualifier");
        String arn;
        if (function.startsWith("arn:")) {
            arn = function;
        } else {
            int marker = function.indexOf(":function:");
            ArnScope owner = marker > 0 ? scope.withAccount(function.substring(0, marker)) : scope;
            String name = marker > 0 ? function.substring(marker + ":function:".length()) : function;
            arn = owner.arn("lambda", "function:".concat(name));
        }
        boolean qualified = colons(arn) > 6;
        arns.add(qualifier == null || qualified ? arn : arn.concat(":").concat(qualifier));
        return true;
    }

    private static int colons(String text) {
        int count = 0;
        for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
            count++;
        }
        return count;
    }

    /** A key id, key ARN, alias name ({@code alias/x}) or alias ARN, in whichever member the operation uses. */
    static boolean kms(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        boolean found = false;
        for (String member : new String[] {"KeyId", "TargetKeyId", "SourceKeyId", "DestinationKeyId", "AliasName"}) {
            String key = string(request, member);
            if (key != null) {
                arns.add(key.startsWith("arn:") ? key
                        : scope.arn("kms", key.startsWith("alias/") ? key : "key/".concat(key)));
                found = true;
            }
        }
        return found;
    }

    /** Batches name their tables as keys (RequestItems) or inside each item (TransactItems); statements in SQL. */
    static boolean dynamodb(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        Map<?, ?> requestItems = map(request, "RequestItems");
        if (requestItems != null) {
            for (Object table : requestItems.keySet()) {
                if (table instanceof String name) {
                    arns.add(tableArn(name, scope));
                }
            }
            return true;
        }
        if (get(request, "TransactItems") != null) {
            for (Object item : list(request, "TransactItems")) {
                if (item instanceof Map<?, ?> m) {
                    for (Object action : m.values()) {
                        String table = action instanceof Map<?, ?> a ? string(a, "TableName") : null;
                        if (table != null) {
                            arns.add(tableArn(table, scope));
                        }
                    }
                }
            }
            return true;
        }
        return partiQl(request, scope, arns);
    }

    /** ExecuteStatement names its table in the statement; the batch and transaction forms in each statement. */
    private static boolean partiQl(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        String statement = string(request, "Statement");
        List<?> statements = statement != null ? List.of(Map.of("Statement", statement))
                : get(request, "Statements") != null ? list(request, "Statements") : list(request, "TransactStatements");
        boolean found = false;
        for (Object one : statements) {
            String table = one instanceof Map<?, ?> m ? SqlStatements.partiQlTable(string(m, "Statement")) : null;
            if (table != null) {
                arns.add(tableArn(table, scope));
                found = true;
            }
        }
        return found;
    }

    private static String tableArn(String table, ArnScope scope) {
        return table.startsWith("arn:") ? table
                : scope.arn("dynamodb", "table/".concat(table));
    }

    /** Route 53 ids may come as {@code /hostedzone/Z123}; the ARN has neither region nor account. */
    static boolean route53(Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        boolean found = false;
        for (String[] kind : new String[][] {{"HostedZoneId", "hostedzone"}, {"HealthCheckId", "healthcheck"}}) {
            String id = string(request, kind[0]);
            if (id != null) {
                int slash = id.lastIndexOf('/');
                arns.add(scope.arn("route53", "", "", kind[1].concat("/").concat(id.substring(slash + 1))));
                found = true;
            }
        }
        return found;
    }
}

package dev.airlock.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a request's fields into the ARNs it touches. First the service's own reader where the request needs
 * one ({@link ServiceArns}: S3 keys, SQS queue URLs, Lambda function names, ...); otherwise the ARN templates of
 * the operation's actions, each variable filled from the request member of the same name or an alias
 * ({@code BucketName} ← {@code Bucket}, {@code DbInstanceName} ← {@code DBInstanceIdentifier}); and always
 * every top-level member ending in Arn or ARN that holds an ARN.
 */
final class ResourceArns {

    static final List<String> ANY = List.of("*");

    /** Template variables that requests name differently. */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("BucketName", List.of("Bucket")),
            Map.entry("ObjectName", List.of("Key")),
            Map.entry("RoleNameWithPath", List.of("RoleName")),
            Map.entry("UserNameWithPath", List.of("UserName")),
            Map.entry("GroupNameWithPath", List.of("GroupName")),
            Map.entry("InstanceProfileNameWithPath", List.of("InstanceProfileName")),
            Map.entry("PolicyNameWithPath", List.of("PolicyName")),
            Map.entry("CertificateNameWithPath", List.of("ServerCertificateName")),
            Map.entry("SecurityGroupId", List.of("GroupId", "SecurityGroupIds", "GroupIds")),
            Map.entry("KeyPairName", List.of("KeyName")),
            Map.entry("DbInstanceName", List.of("DBInstanceIdentifier")),
            Map.entry("DbClusterInstanceName", List.of("DBClusterIdentifier")),
            Map.entry("SnapshotName", List.of("DBSnapshotIdentifier")),
            Map.entry("ClusterSnapshotName", List.of("DBClusterSnapshotIdentifier")),
            Map.entry("ParameterGroupName", List.of("DBParameterGroupName")),
            Map.entry("ClusterParameterGroupName", List.of("DBClusterParameterGroupName")),
            Map.entry("SubnetGroupName", List.of("DBSubnetGroupName")),
            Map.entry("GlobalCluster", List.of("GlobalClusterIdentifier")),
            Map.entry("TopicName", List.of("Name")),
            Map.entry("ClusterName", List.of("Cluster", "Name")),
            Map.entry("ServiceName", List.of("Service")),
            Map.entry("TaskId", List.of("Task")),
            Map.entry("HttpMethodType", List.of("HttpMethod")),
            Map.entry("RuleName", List.of("Rule", "Name")),
            Map.entry("TrailName", List.of("Name", "TrailNameList")),
            Map.entry("GroupFriendlyName", List.of("AutoScalingGroupName")),
            Map.entry("WorkGroupName", List.of("WorkGroup")),
            Map.entry("TableName", List.of("Name")),
            Map.entry("CrawlerName", List.of("Name")),
            Map.entry("SecretId", List.of("Name")),
            Map.entry("ParameterNameWithoutLeadingSlash", List.of("Name", "Names")));

    /** Ids no request carries and IAM policies wildcard: stack/NAME/*, nodegroup/CLUSTER/NAME/*. */
    private static final Set<String> WILDCARD_IDS = Set.of("Id", "GroupId", "UUID");

    private final ConcurrentHashMap<String, String[]> candidates = new ConcurrentHashMap<>();

    /**
     * The ARNs of one request.
     *
     * @param templates the ARN templates of the operation's actions, required resource types first
     */
    List<String> resolve(String prefix, String operation, List<ArnTemplate> templates, Map<?, ?> request,
                         ArnScope scope) {
        if (request == null) {
            return ANY;
        }
        DistinctArns arns = new DistinctArns();
        if (prefix.equals("apigateway")) {
            mostSpecific(templates, request, scope, arns);
        } else if (!ServiceArns.resolve(prefix, operation, request, scope, arns)) {
            for (ArnTemplate template : templates) {
                fill(template, request, scope, arns);
            }
        }
        addArnMembers(request, arns);
        return arns.isEmpty() ? ANY : arns.toList();
    }

    /**
     * The ARNs of the template that uses the most request members, and of those the shortest: DeleteStage is
     * /restapis/a/stages/b, not /restapis/a; DeleteApi is /apis/a, not /apis/a/routes.
     */
    private void mostSpecific(List<ArnTemplate> templates, Map<?, ?> request, ArnScope scope,
                              Collection<String> arns) {
        int bestVariables = 0;
        int bestLength = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (ArnTemplate template : templates) {
            int variables = template.variables().size();
            int length = template.text().length();
            if (variables < bestVariables || (variables == bestVariables && length > bestLength)) {
                continue;
            }
            List<String> filled = new ArrayList<>(1);
            if (fill(template, request, scope, filled) && !filled.isEmpty()) {
                if (variables > bestVariables || length < bestLength) {
                    bestVariables = variables;
                    bestLength = length;
                    found.clear();
                }
                found.addAll(filled);
            }
        }
        arns.addAll(found);
    }

    /** Adds the template's ARNs; true when every variable came from the request. */
    private boolean fill(ArnTemplate template, Map<?, ?> request, ArnScope scope, Collection<String> arns) {
        List<String> variables = template.variables();
        if (variables.isEmpty()) {
            return false;
        }
        String[] values = new String[variables.size()];
        List<String> many = null;
        int manyAt = -1;
        boolean named = false;
        for (int i = 0; i < values.length; i++) {
            String variable = variables.get(i);
            Object value = valueOf(variable, request);
            if (value instanceof String s) {
                if (s.startsWith("arn:")) {
                    arns.add(s);
                    return false;
                }
                values[i] = normalise(variable, s);
                named = true;
            } else if (value instanceof List<?> list && many == null) {
                many = strings(list);
                manyAt = i;
                named = true;
            } else if (!WILDCARD_IDS.contains(variable)) {
                return false;
            }
        }
        if (!named) {
            return false;
        }
        boolean complete = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && i != manyAt) {
                values[i] = ArnScope.ANY;
                complete = false;
            }
        }
        if (many == null) {
            arns.add(template.fill(scope, values));
            return complete;
        }
        for (String one : many) {
            if (one.startsWith("arn:")) {
                arns.add(one);
            } else {
                values[manyAt] = normalise(variables.get(manyAt), one);
                arns.add(template.fill(scope, values));
            }
        }
        return complete;
    }

    /** The request's value for a template variable: a String, a non-empty List of Strings, or null. */
    private Object valueOf(String variable, Map<?, ?> request) {
        for (String member : candidates.computeIfAbsent(variable, ResourceArns::candidatesOf)) {
            Object value = request.get(member);
            if (value instanceof String s && !s.isEmpty()) {
                return s;
            }
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
                return list;
            }
        }
        return null;
    }

    /** The member names to try, in order: the variable, its aliases, each with either first-letter case, then plurals. */
    private static String[] candidatesOf(String variable) {
        List<String> names = new ArrayList<>();
        names.add(variable);
        names.addAll(ALIASES.getOrDefault(variable, List.of()));
        Set<String> all = new LinkedHashSet<>();
        for (String name : names) {
            all.add(name);
            all.add(flipFirst(name));
        }
        for (String name : names) {
            if (!name.endsWith("s")) {
                all.add(name.concat("s"));
                all.add(flipFirst(name).concat("s"));
            }
        }
        return all.toArray(new String[0]);
    }

    private static String normalise(String variable, String value) {
        if (variable.equals("ParameterNameWithoutLeadingSlash") && value.startsWith("/")) {
            return value.substring(1);
        }
        if (variable.equals("SecretId")) {
            // A secret's ARN ends in six random characters that a name does not carry.
            return value.concat("-??????");
        }
        return value;
    }

    /** Every top-level member ending in Arn/ARN (or Arns/ARNs) whose value is an ARN. */
    static void addArnMembers(Map<?, ?> request, Collection<String> arns) {
        for (Map.Entry<?, ?> member : request.entrySet()) {
            if (!(member.getKey() instanceof String name) || name.isEmpty()) {
                continue;
            }
            char last = name.charAt(name.length() - 1);
            if (last != 'n' && last != 'N' && last != 's') {
                continue; // neither ...Arn/ARN/arn nor ...Arns/ARNs/arns: most members, told apart cheaply
            }
            if (name.endsWith("Arn") || name.endsWith("ARN") || name.endsWith("arn")) {
                if (member.getValue() instanceof String s && s.startsWith("arn:")) {
                    arns.add(s);
                }
            } else if (name.endsWith("Arns") || name.endsWith("ARNs") || name.endsWith("arns")) {
                if (member.getValue() instanceof List<?> list) {
                    for (Object element : list) {
                        if (element instanceof String s && s.startsWith("arn:")) {
                            arns.add(s);
                        }
                    }
                }
            }
        }
    }

    private static List<String> strings(List<?> list) {
        List<String> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof String s && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String flipFirst(String name) {
        char first = name.charAt(0);
        char flipped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return String.valueOf(flipped).concat(name.substring(1));
    }
}

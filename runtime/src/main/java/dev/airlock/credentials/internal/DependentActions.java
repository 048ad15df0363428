package dev.airlock.credentials.internal;

import dev.airlock.call.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Actions a service performs with the caller's own permissions while it serves another one: passing a role to
 * the service, or using a KMS key for encryption. The IAM reference data Airlock is built from carries no
 * dependent actions, so these are a reviewed list, keyed by the request field that names the dependent resource.
 */
final class DependentActions {

    /** One dependent action on the resource a request field names. */
    record Need(String action, String arn) {
    }

    private record Rule(String field, String prefix, List<String> actions) {
    }

    private static final List<Rule> RULES = List.of(
            // The service assumes a role the call hands over: iam:PassRole on exactly that role.
            new Rule("RoleARN", "arn:", List.of("iam:PassRole")),
            new Rule("RoleArn", "arn:", List.of("iam:PassRole")),
            new Rule("Role", "arn:", List.of("iam:PassRole")),
            new Rule("ExecutionRoleArn", "arn:", List.of("iam:PassRole")),
            new Rule("TaskRoleArn", "arn:", List.of("iam:PassRole")),
            new Rule("ServiceRoleArn", "arn:", List.of("iam:PassRole")),
            // Server-side encryption with a customer key runs KMS with the caller's credentials.
            new Rule("SSEKMSKeyId", "arn:", List.of("kms:GenerateDataKey", "kms:Decrypt")),
            new Rule("KmsKeyId", "arn:", List.of("kms:GenerateDataKey", "kms:Decrypt")));

    private DependentActions() {
    }

    static List<Need> of(Call call) {
        List<Need> out = new ArrayList<>();
        Map<String, Object> p = call.parameters();
        for (Rule rule : RULES) {
            Object v = p.get(rule.field());
            if (v instanceof String s && s.startsWith(rule.prefix())) {
                for (String action : rule.actions()) {
                    out.add(new Need(action, s));
                }
            }
        }
        return out;
    }
}

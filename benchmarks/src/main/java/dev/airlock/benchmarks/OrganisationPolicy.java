package dev.airlock.benchmarks;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy of N statements (1,000 and 10,000 in the benchmarks) shaped like an organisation's: per-team statements
 * on named actions and the team's own resources, service-wide statements on shared resources, region guards,
 * deletion budgets. Deterministic, so every run measures the same policy. Of N statements:
 *
 * <ul>
 *   <li>90% team statements: 1 to 3 actions from {@link #ACTIONS}, resources {@code ...team-N-*}; one in five
 *       with a region condition; effects Allow (70%), Deny (15%), RequireApproval (10%), DryRun (5%)</li>
 *   <li>6% service-wide statements ({@code s3:*}, {@code dynamodb:Get*}, ...) on shared resources</li>
 *   <li>3% statements on every action of a verb ({@code *:Delete*}) with a region condition</li>
 *   <li>1% RateLimit statements on deletions of team resources</li>
 * </ul>
 *
 * <p>{@link #allowListText} is the other shape a platform team writes: each team may read and write its own
 * resources (Allow statements that name them), and deletions of team resources are denied.
 */
public final class OrganisationPolicy {

    static final String[] ACTIONS = {
        "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:DeleteBucket", "s3:CreateBucket",
        "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:GetObjectTagging", "s3:PutObjectTagging",
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:UpdateItem", "dynamodb:DeleteTable", "dynamodb:CreateTable", "dynamodb:DescribeTable",
        "ec2:DescribeInstances", "ec2:RunInstances", "ec2:TerminateInstances", "ec2:StopInstances",
        "ec2:CreateVolume", "ec2:DeleteVolume", "lambda:InvokeFunction", "lambda:GetFunction",
        "lambda:DeleteFunction", "lambda:UpdateFunctionCode", "sqs:SendMessage", "sqs:ReceiveMessage",
        "sqs:DeleteMessage", "sqs:PurgeQueue", "sqs:DeleteQueue", "rds:DescribeDBInstances",
        "rds:DeleteDBInstance", "rds:CreateDBSnapshot", "iam:GetRole", "iam:CreateRole", "iam:DeleteRole",
        "iam:AttachRolePolicy", "sns:Publish", "sns:DeleteTopic", "kms:Decrypt", "kms:ScheduleKeyDeletion",
        "logs:PutLogEvents", "logs:DeleteLogGroup", "cloudformation:DeleteStack", "ecs:UpdateService",
        "ecs:DeleteService",
    };
    private static final String[] SERVICE_WIDE = {
        "s3:*", "s3:Get*", "s3:Put*", "dynamodb:*", "dynamodb:Get*", "ec2:*", "ec2:Describe*", "lambda:*",
        "sqs:*", "rds:*", "iam:*", "sns:*", "kms:*", "logs:*", "ecs:*",
    };
    private static final String[] VERBS = {"*:Delete*", "*:Terminate*", "*:Purge*", "*:Put*", "*:Update*"};
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1"};

    private OrganisationPolicy() {
    }

    /** The organisation's policy of {@code size} statements (a multiple of 100). */
    public static Policy parse(int size) {
        return parse(text(size), "organisation-policy-" + size + ".json");
    }

    /** The allow-list policy of {@code size} statements. */
    public static Policy parseAllowList(int size) {
        return parse(allowListText(size), "allow-list-policy-" + size + ".json");
    }

    private static Policy parse(String text, String name) {
        try {
            return Policy.parse(text, name);
        } catch (PolicyException e) {
            throw new IllegalStateException("the benchmark policy does not parse: " + e.getMessage(), e);
        }
    }

    /** How many team statements a policy of this size has. */
    static int teams(int size) {
        return size * 9 / 10;
    }

    /** The actions of team statement {@code i}. */
    static List<String> teamActions(int i) {
        int n = 1 + i % 3;
        List<String> actions = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            actions.add(ACTIONS[(i * 7 + k * 13) % ACTIONS.length]);
        }
        return actions;
    }

    /** A team whose own Allow statement, without a region condition, names this action. */
    static int teamAllowing(String action, int size) {
        for (int i = 0; i < teams(size); i++) {
            if (teamActions(i).contains(action) && teamEffect(i).equals("Allow") && i % 5 != 0) {
                return i;
            }
        }
        throw new IllegalStateException("no team statement allows " + action);
    }

    /** The policy as JSON. */
    public static String text(int size) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < teams(size); i++) {
            List<String> actions = teamActions(i);
            String condition = i % 5 == 0 ? regionCondition(i) : null;
            statements.add(statement("Team" + i, teamEffect(i), actions, resourcesOf(actions, "team-" + i + "-*"),
                    condition, null));
        }
        for (int i = 0; i < size * 6 / 100; i++) {
            String action = SERVICE_WIDE[i % SERVICE_WIDE.length];
            statements.add(statement("Service" + i, i % 4 == 0 ? "Deny" : "Allow", List.of(action),
                    resourcesOf(List.of(action), "shared-" + i + "-*"), null, null));
        }
        for (int i = 0; i < size * 3 / 100; i++) {
            statements.add(statement("Verb" + i, i % 2 == 0 ? "RequireApproval" : "Deny",
                    List.of(VERBS[i % VERBS.length]), List.of("*"), regionCondition(i), null));
        }
        for (int i = 0; i < size / 100; i++) {
            statements.add(statement("Budget" + i, "RateLimit", List.of("*:Delete*"),
                    List.of("arn:aws:*:*:*:*team-" + i + "-*"), null,
                    "{\"PerMinute\":" + (10 + i) + ",\"PerHour\":" + (100 + i) + ",\"Count\":\"resources\"}"));
        }
        return document(statements);
    }

    /**
     * Team statements that allow each team's reads and writes on its own resources (95%), and Deny statements on
     * deletions of team resources (5%). Reads are allowed whichever statement matches, so the engine can settle
     * them without looking at the request.
     */
    public static String allowListText(int size) {
        List<String> statements = new ArrayList<>();
        int denies = size / 20;
        for (int i = 0; i < size - denies; i++) {
            List<String> actions = new ArrayList<>();
            for (String a : teamActions(i)) {
                if (!a.contains(":Delete") && !a.contains(":Terminate") && !a.contains(":Purge")) {
                    actions.add(a);
                }
            }
            if (actions.isEmpty()) {
                actions.add("s3:GetObject");
            }
            statements.add(statement("Team" + i, "Allow", actions, resourcesOf(actions, "team-" + i + "-*"), null,
                    null));
        }
        for (int i = 0; i < denies; i++) {
            statements.add(statement("NoDeletes" + i, "Deny", List.of("*:Delete*"),
                    List.of("arn:aws:*:*:*:*team-" + i + "-*"), null, null));
        }
        return document(statements);
    }

    private static String document(List<String> statements) {
        return "{\"Version\":\"2026-11-01\",\"Statement\":[\n" + String.join(",\n", statements) + "\n]}\n";
    }

    private static String teamEffect(int i) {
        int r = i % 20;
        if (r < 3) {
            return "Deny";
        }
        if (r < 5) {
            return "RequireApproval";
        }
        return r == 5 ? "DryRun" : "Allow";
    }

    /** Denies (or, on an Allow, only allows) calls outside two regions. */
    private static String regionCondition(int i) {
        return "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"" + REGIONS[i % REGIONS.length] + "\",\""
                + REGIONS[(i + 1) % REGIONS.length] + "\"]}}";
    }

    private static List<String> resourcesOf(List<String> actions, String name) {
        List<String> out = new ArrayList<>();
        for (String action : actions) {
            String service = action.substring(0, action.indexOf(':'));
            String arn = switch (service) {
                case "s3" -> "arn:aws:s3:::" + name;
                case "dynamodb" -> "arn:aws:dynamodb:*:*:table/" + name;
                case "ec2" -> "arn:aws:ec2:*:*:instance/" + name;
                case "lambda" -> "arn:aws:lambda:*:*:function:" + name;
                case "sqs", "sns" -> "arn:aws:" + service + ":*:*:" + name;
                case "rds" -> "arn:aws:rds:*:*:db:" + name;
                case "iam" -> "arn:aws:iam::*:role/" + name;
                default -> "arn:aws:" + service + ":*:*:*/" + name;
            };
            if (!out.contains(arn)) {
                out.add(arn);
            }
            if (service.equals("s3") && !out.contains(arn + "/*")) {
                out.add(arn + "/*");
            }
        }
        return out;
    }

    private static String statement(String sid, String effect, List<String> actions, List<String> resources,
                                     String condition, String budget) {
        StringBuilder s = new StringBuilder("{\"Sid\":\"").append(sid).append("\",\"Effect\":\"").append(effect)
                .append("\",\"Action\":").append(array(actions)).append(",\"Resource\":").append(array(resources));
        if (condition != null) {
            s.append(",\"Condition\":").append(condition);
        }
        if (budget != null) {
            s.append(",\"Budget\":").append(budget);
        }
        return s.append('}').toString();
    }

    private static String array(List<String> values) {
        return "[\"" + String.join("\",\"", values) + "\"]";
    }
}

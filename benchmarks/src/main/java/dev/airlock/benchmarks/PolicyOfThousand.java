package dev.airlock.benchmarks;

import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy of 1,000 statements shaped like an organisation's: per-team statements on named actions and the
 * team's own resources, service-wide statements on some teams' resources, region guards, deletion budgets.
 * Deterministic, so every run measures the same policy.
 *
 * <ul>
 *   <li>900 team statements: 1 to 3 actions from {@link #ACTIONS}, resources {@code ...team-N-*}; one in five
 *       with a region condition; effects Allow (70%), Deny (15%), RequireApproval (10%), DryRun (5%)</li>
 *   <li>60 service-wide statements ({@code s3:*}, {@code dynamodb:Get*}, ...) on team resources</li>
 *   <li>30 statements on every action of a verb ({@code *:Delete*}) with a region condition</li>
 *   <li>10 RateLimit statements on deletions of team resources</li>
 * </ul>
 */
public final class PolicyOfThousand {

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

    private PolicyOfThousand() {
    }

    public static Policy parse() {
        try {
            return Policy.parse(text(), "policy-of-1000.json");
        } catch (PolicyException e) {
            throw new IllegalStateException("the benchmark policy does not parse: " + e.getMessage(), e);
        }
    }

    /** The policy as JSON. */
    public static String text() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            int n = 1 + i % 3;
            List<String> actions = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                actions.add(ACTIONS[(i * 7 + k * 13) % ACTIONS.length]);
            }
            String condition = i % 5 == 0 ? regionCondition(i) : null;
            statements.add(statement("Team" + i, teamEffect(i), actions, resourcesOf(actions, "team-" + i + "-*"),
                    condition, null));
        }
        for (int i = 0; i < 60; i++) {
            String action = SERVICE_WIDE[i % SERVICE_WIDE.length];
            statements.add(statement("Service" + i, i % 4 == 0 ? "Deny" : "Allow", List.of(action),
                    resourcesOf(List.of(action), "shared-" + i + "-*"), null, null));
        }
        for (int i = 0; i < 30; i++) {
            statements.add(statement("Verb" + i, i % 2 == 0 ? "RequireApproval" : "Deny",
                    List.of(VERBS[i % VERBS.length]), List.of("*"), regionCondition(i), null));
        }
        for (int i = 0; i < 10; i++) {
            statements.add(statement("Budget" + i, "RateLimit", List.of("*:Delete*"),
                    List.of("arn:aws:*:*:*:*team-" + i + "-*"), null,
                    "{\"PerMinute\":" + (10 + i) + ",\"PerHour\":" + (100 + i) + ",\"Count\":\"resources\"}"));
        }
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

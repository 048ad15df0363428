package dev.airlock.process.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How aws CLI names meet IAM: the CLI's service names that are not the IAM prefix ({@code s3api} is {@code s3},
 * {@code elbv2} is {@code elasticloadbalancing}), the commands the CLI adds on top of the API and the API
 * operations they call, and kebab-case command names to operation names.
 */
final class AwsCliNames {

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("s3api", "s3"), Map.entry("s3control", "s3"), Map.entry("s3outposts", "s3-outposts"),
            Map.entry("elbv2", "elasticloadbalancing"), Map.entry("elb", "elasticloadbalancing"),
            Map.entry("opensearch", "es"), Map.entry("stepfunctions", "states"), Map.entry("sesv2", "ses"),
            Map.entry("apigatewayv2", "apigateway"), Map.entry("apigatewaymanagementapi", "execute-api"),
            Map.entry("configservice", "config"), Map.entry("emr", "elasticmapreduce"),
            Map.entry("efs", "elasticfilesystem"), Map.entry("dynamodbstreams", "dynamodb"),
            Map.entry("iot-data", "iot"), Map.entry("iot-jobs-data", "iotjobsdata"),
            Map.entry("sagemaker-runtime", "sagemaker"), Map.entry("sagemaker-a2i-runtime", "sagemaker"),
            Map.entry("bedrock-runtime", "bedrock"), Map.entry("bedrock-agent", "bedrock"),
            Map.entry("bedrock-agent-runtime", "bedrock"), Map.entry("lex-models", "lex"),
            Map.entry("lex-runtime", "lex"), Map.entry("lexv2-models", "lex"), Map.entry("lexv2-runtime", "lex"),
            Map.entry("kinesisanalyticsv2", "kinesisanalytics"),
            Map.entry("kinesis-video-archived-media", "kinesisvideo"),
            Map.entry("kinesis-video-media", "kinesisvideo"), Map.entry("kinesis-video-signaling", "kinesisvideo"),
            Map.entry("cloudhsmv2", "cloudhsm"), Map.entry("meteringmarketplace", "aws-marketplace"),
            Map.entry("marketplace-catalog", "aws-marketplace"),
            Map.entry("marketplace-entitlement", "aws-marketplace"), Map.entry("resourcegroupstaggingapi", "tag"),
            Map.entry("sso-admin", "sso"), Map.entry("sso-oidc", "sso-oauth"), Map.entry("docdb", "rds"),
            Map.entry("neptune", "rds"), Map.entry("timestream-write", "timestream"),
            Map.entry("timestream-query", "timestream"), Map.entry("appconfigdata", "appconfig"),
            Map.entry("connect-contact-lens", "connect"), Map.entry("deploy", "codedeploy"),
            Map.entry("mediastore-data", "mediastore"), Map.entry("cloudsearchdomain", "cloudsearch"),
            Map.entry("iotevents-data", "iotevents"), Map.entry("qldb-session", "qldb"),
            Map.entry("servicecatalog-appregistry", "servicecatalog"),
            Map.entry("personalize-runtime", "personalize"), Map.entry("personalize-events", "personalize"),
            Map.entry("forecastquery", "forecast"), Map.entry("migrationhub-config", "mgh"),
            Map.entry("opsworkscm", "opsworks-cm"), Map.entry("pinpoint-email", "ses"),
            Map.entry("pinpoint-sms-voice", "sms-voice"), Map.entry("ecr-public", "ecr-public"));

    /** A command the CLI adds: the API operations it calls, in order; the last one is the one that matters. */
    record Custom(String prefix, List<String> operations) {
    }

    private static final Map<String, Custom> CUSTOM = Map.ofEntries(
            Map.entry("cloudformation deploy", new Custom("cloudformation",
                    List.of("CreateChangeSet", "ExecuteChangeSet"))),
            Map.entry("cloudformation package", new Custom("s3", List.of("PutObject"))),
            Map.entry("ecr get-login-password", new Custom("ecr", List.of("GetAuthorizationToken"))),
            Map.entry("ecr get-login", new Custom("ecr", List.of("GetAuthorizationToken"))),
            Map.entry("ecr-public get-login-password", new Custom("ecr-public", List.of("GetAuthorizationToken"))),
            Map.entry("codeartifact login", new Custom("codeartifact", List.of("GetAuthorizationToken"))),
            Map.entry("eks update-kubeconfig", new Custom("eks", List.of("DescribeCluster"))),
            Map.entry("eks get-token", new Custom("sts", List.of("GetCallerIdentity"))),
            Map.entry("logs tail", new Custom("logs", List.of("FilterLogEvents"))),
            Map.entry("emr create-cluster", new Custom("elasticmapreduce", List.of("RunJobFlow"))),
            Map.entry("emr terminate-clusters", new Custom("elasticmapreduce", List.of("TerminateJobFlows"))),
            Map.entry("emr add-steps", new Custom("elasticmapreduce", List.of("AddJobFlowSteps"))),
            Map.entry("emr modify-cluster-attributes", new Custom("elasticmapreduce",
                    List.of("SetTerminationProtection"))),
            Map.entry("deploy push", new Custom("codedeploy", List.of("RegisterApplicationRevision"))),
            Map.entry("rds generate-db-auth-token", new Custom("rds", List.of("DescribeDBInstances"))));

    /** CLI commands that run no AWS operation at all. */
    private static final List<String> LOCAL_SERVICES = List.of("configure", "help", "history", "cli-dev");

    private AwsCliNames() {
    }

    static String prefix(String cliService) {
        return PREFIXES.getOrDefault(cliService, cliService.toLowerCase(Locale.ROOT));
    }

    static Custom custom(String cliService, String command) {
        return CUSTOM.get(cliService + " " + command);
    }

    static boolean local(String cliService) {
        return LOCAL_SERVICES.contains(cliService);
    }

    /** {@code delete-bucket} → {@code DeleteBucket}; {@code list-objects-v2} → {@code ListObjectsV2}. */
    static String pascal(String kebab) {
        StringBuilder out = new StringBuilder(kebab.length());
        boolean upper = true;
        for (int i = 0; i < kebab.length(); i++) {
            char c = kebab.charAt(i);
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}

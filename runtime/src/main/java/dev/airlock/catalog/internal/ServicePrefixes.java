package dev.airlock.catalog.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The IAM service prefix of an SDK client. The SigV4 signing name is the prefix for most services; the
 * exceptions are listed here, as are the SDK service names whose prefix cannot be derived by lower-casing them.
 */
final class ServicePrefixes {

    /** Signing names that are not the IAM prefix. */
    private static final Map<String, String> BY_SIGNING_NAME = Map.ofEntries(
            Map.entry("monitoring", "cloudwatch"),
            Map.entry("email", "ses"),
            Map.entry("iotdata", "iot"),
            Map.entry("tagging", "tag"),
            Map.entry("awsssooidc", "sso-oauth"),
            Map.entry("sso-oidc", "sso-oauth"));

    /** Lower-cased SDK service names whose prefix differs from the name (and from its kebab-case form). */
    private static final Map<String, String> BY_SERVICE_NAME = Map.ofEntries(
            Map.entry("cloudwatch", "cloudwatch"),
            Map.entry("cloudwatchlogs", "logs"),
            Map.entry("cloudwatchevents", "events"),
            Map.entry("eventbridge", "events"),
            Map.entry("sfn", "states"),
            Map.entry("dynamodbstreams", "dynamodb"),
            Map.entry("elasticloadbalancingv2", "elasticloadbalancing"),
            Map.entry("apigatewayv2", "apigateway"),
            Map.entry("apigatewaymanagementapi", "execute-api"),
            Map.entry("s3control", "s3"),
            Map.entry("sesv2", "ses"),
            Map.entry("efs", "elasticfilesystem"),
            Map.entry("elasticsearch", "es"),
            Map.entry("opensearch", "es"),
            Map.entry("cognitoidentityprovider", "cognito-idp"),
            Map.entry("cognitoidentity", "cognito-identity"),
            Map.entry("cognitosync", "cognito-sync"),
            Map.entry("applicationautoscaling", "application-autoscaling"),
            Map.entry("iotdataplane", "iot"),
            Map.entry("lexruntimev2", "lex"),
            Map.entry("lexmodelsv2", "lex"),
            Map.entry("sagemakerruntime", "sagemaker"),
            Map.entry("bedrockruntime", "bedrock"),
            Map.entry("bedrockagent", "bedrock"),
            Map.entry("bedrockagentruntime", "bedrock"),
            Map.entry("rdsdata", "rds-data"),
            Map.entry("redshiftdata", "redshift-data"),
            Map.entry("resourcegroupstaggingapi", "tag"),
            Map.entry("marketplacemetering", "aws-marketplace"),
            Map.entry("appconfigdata", "appconfig"),
            Map.entry("timestreamwrite", "timestream"),
            Map.entry("timestreamquery", "timestream"),
            Map.entry("emr", "elasticmapreduce"),
            Map.entry("configservice", "config"),
            Map.entry("mwaa", "airflow"),
            Map.entry("cloudsearchdomain", "cloudsearch"),
            Map.entry("ssoadmin", "sso"),
            Map.entry("ssooidc", "sso-oauth"),
            Map.entry("docdb", "rds"),
            Map.entry("neptune", "rds"),
            Map.entry("directory", "ds"),
            Map.entry("pinpoint", "mobiletargeting"),
            Map.entry("kinesisanalyticsv2", "kinesisanalytics"),
            Map.entry("kinesisvideoarchivedmedia", "kinesisvideo"),
            Map.entry("kinesisvideomedia", "kinesisvideo"),
            Map.entry("iotwireless", "iotwireless"),
            Map.entry("mediastoredata", "mediastore"),
            Map.entry("mediapackagevod", "mediapackage-vod"),
            Map.entry("mediapackagev2", "mediapackagev2"),
            Map.entry("ec2instanceconnect", "ec2-instance-connect"),
            Map.entry("servicediscovery", "servicediscovery"),
            Map.entry("costexplorer", "ce"),
            Map.entry("pricing", "pricing"),
            Map.entry("licensemanager", "license-manager"),
            Map.entry("migrationhub", "mgh"),
            Map.entry("personalizeruntime", "personalize"),
            Map.entry("personalizeevents", "personalize"),
            Map.entry("ssmincidents", "ssm-incidents"),
            Map.entry("ssmcontacts", "ssm-contacts"),
            Map.entry("cloudhsmv2", "cloudhsm"),
            Map.entry("wafv2", "wafv2"),
            Map.entry("wafregional", "waf-regional"),
            Map.entry("databasemigration", "dms"),
            Map.entry("glacier", "glacier"),
            Map.entry("acmpca", "acm-pca"),
            Map.entry("codestarconnections", "codestar-connections"),
            Map.entry("codegurureviewer", "codeguru-reviewer"),
            Map.entry("codeguruprofiler", "codeguru-profiler"));

    private final Predicate<String> isPrefix;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    ServicePrefixes(Predicate<String> isPrefix) {
        this.isPrefix = isPrefix;
    }

    /** Every prefix the alias tables name, so a test can hold them against the catalog. */
    static Set<String> aliasTargets() {
        Set<String> targets = new TreeSet<>(BY_SIGNING_NAME.values());
        targets.addAll(BY_SERVICE_NAME.values());
        return targets;
    }

    String of(String sdkService, String signingName) {
        String key = String.valueOf(sdkService).concat("\u0000").concat(String.valueOf(signingName));
        String prefix = cache.get(key);
        if (prefix == null) {
            prefix = derive(sdkService, signingName);
            if (cache.size() < 4096) {
                cache.put(key, prefix);
            }
        }
        return prefix;
    }

    private String derive(String sdkService, String signingName) {
        String signing = signingName == null || signingName.isBlank() ? null : signingName.toLowerCase(Locale.ROOT);
        if (signing != null) {
            String aliased = BY_SIGNING_NAME.get(signing);
            if (aliased != null) {
                return aliased;
            }
            if (isPrefix.test(signing)) {
                return signing;
            }
        }
        String fromName = fromServiceName(sdkService);
        if (fromName != null) {
            return fromName;
        }
        if (signing != null) {
            return signing;
        }
        return sdkService == null || sdkService.isBlank() ? "unknown" : plain(sdkService);
    }

    private String fromServiceName(String sdkService) {
        if (sdkService == null || sdkService.isBlank()) {
            return null;
        }
        String plain = plain(sdkService);
        String aliased = BY_SERVICE_NAME.get(plain);
        if (aliased != null) {
            return aliased;
        }
        if (isPrefix.test(plain)) {
            return plain;
        }
        String kebab = kebab(sdkService);
        return isPrefix.test(kebab) ? kebab : null;
    }

    /** Letters and digits only, lower case: "CloudWatch Logs" → cloudwatchlogs. */
    private static String plain(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** AccessAnalyzer → access-analyzer, AcmPca → acm-pca. */
    private static String kebab(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}

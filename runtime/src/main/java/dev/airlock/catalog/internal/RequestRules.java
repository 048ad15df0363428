package dev.airlock.catalog.internal;

import static dev.airlock.catalog.internal.RequestFields.anyMap;
import static dev.airlock.catalog.internal.RequestFields.equalsIgnoreCase;
import static dev.airlock.catalog.internal.RequestFields.get;
import static dev.airlock.catalog.internal.RequestFields.isFalse;
import static dev.airlock.catalog.internal.RequestFields.isTrue;
import static dev.airlock.catalog.internal.RequestFields.isZero;
import static dev.airlock.catalog.internal.RequestFields.list;
import static dev.airlock.catalog.internal.RequestFields.map;
import static dev.airlock.catalog.internal.RequestFields.string;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that raise a WRITE call to DESTRUCTIVE from its parameters: a safeguard switched off, retention
 * shortened, capacity set to zero, an overwrite, a delete inside a batch. Chosen by IAM prefix and SDK operation
 * name with two string switches (no table to build at start-up); most rules read one or two members.
 */
final class RequestRules {

    private static final List<String> PUBLIC_ACCESS_BLOCK_FLAGS = List.of("BlockPublicAcls", "IgnorePublicAcls",
            "BlockPublicPolicy", "RestrictPublicBuckets");
    private static final List<String> PUBLIC_CANNED_ACLS = List.of("public-read", "public-read-write",
            "authenticated-read");
    private static final List<String> GRANT_HEADERS = List.of("GrantRead", "GrantReadACP", "GrantWrite",
            "GrantWriteACP", "GrantFullControl");

    private RequestRules() {
    }

    /** True when this request of the operation destroys or removes a safeguard. */
    static boolean destroys(String prefix, String operation, Map<?, ?> r) {
        return switch (prefix) {
            case "s3" -> s3(operation, r);
            case "dynamodb" -> dynamodb(operation, r);
            case "ec2" -> ec2(operation, r);
            case "autoscaling", "application-autoscaling", "ecs", "eks", "lambda", "kinesis" -> scaling(prefix, operation, r);
            case "rds", "cloudformation", "logs", "elasticloadbalancing", "elasticache", "cloudtrail", "events", "ecr",
                 "kms", "glue", "backup", "sqs", "sns", "apigateway" -> safeguards(BuiltInCatalog.actionName(prefix, operation), r);
            case "ssm", "route53", "athena", "rds-data", "redshift-data" -> queriesAndRecords(prefix, operation, r);
            default -> false;
        };
    }

    private static boolean s3(String operation, Map<?, ?> r) {
        return switch (operation) {
            case "PutBucketVersioning" -> {
                Map<?, ?> v = map(r, "VersioningConfiguration");
                yield equalsIgnoreCase(v, "Status", "Suspended") || equalsIgnoreCase(v, "MFADelete", "Disabled");
            }
            case "PutBucketLifecycleConfiguration", "PutBucketLifecycle" ->
                    anyMap(map(r, "LifecycleConfiguration"), "Rules", RequestRules::expiresObjects);
            case "PutPublicAccessBlock" -> {
                Map<?, ?> block = map(r, "PublicAccessBlockConfiguration");
                boolean weakened = false;
                for (String flag : PUBLIC_ACCESS_BLOCK_FLAGS) {
                    weakened |= !isTrue(block, flag);
                }
                yield weakened;
            }
            case "PutBucketLogging" -> map(map(r, "BucketLoggingStatus"), "LoggingEnabled") == null;
            case "PutObject", "CopyObject", "CreateMultipartUpload", "CreateBucket" -> grantsPublicAccess(r);
            case "PutObjectRetention" -> isTrue(r, "BypassGovernanceRetention");
            case "PutObjectLegalHold" -> equalsIgnoreCase(map(r, "LegalHold"), "Status", "OFF");
            default -> false;
        };
    }

    private static boolean dynamodb(String operation, Map<?, ?> r) {
        return switch (operation) {
            case "UpdateTable" -> isFalse(r, "DeletionProtectionEnabled")
                    || anyMap(r, "ReplicaUpdates", update -> get(update, "Delete") != null)
                    || anyMap(r, "GlobalSecondaryIndexUpdates", update -> get(update, "Delete") != null);
            case "UpdateContinuousBackups" ->
                    isFalse(map(r, "PointInTimeRecoverySpecification"), "PointInTimeRecoveryEnabled");
            // Turning TTL on lets DynamoDB delete every item whose time has passed.
            case "UpdateTimeToLive" -> isTrue(map(r, "TimeToLiveSpecification"), "Enabled");
            case "TransactWriteItems" -> anyMap(r, "TransactItems", item -> get(item, "Delete") != null);
            case "BatchWriteItem" -> batchDeletes(map(r, "RequestItems"));
            case "ExecuteStatement" -> SqlStatements.destroys(string(r, "Statement"));
            case "BatchExecuteStatement" ->
                    anyMap(r, "Statements", s -> SqlStatements.destroys(string(s, "Statement")));
            case "ExecuteTransaction" ->
                    anyMap(r, "TransactStatements", s -> SqlStatements.destroys(string(s, "Statement")));
            default -> false;
        };
    }

    private static boolean ec2(String operation, Map<?, ?> r) {
        return switch (operation) {
            // A shutdown from inside the instance then terminates it.
            case "RunInstances" -> terminatesOnShutdown(r);
            case "ModifyInstanceAttribute" -> terminatesOnShutdown(r)
                    || isFalse(r, "DisableApiTermination") || isFalse(r, "DisableApiStop")
                    || (isProtectionAttribute(string(r, "Attribute")) && isFalse(r, "Value"));
            case "ModifyInstanceMetadataOptions", "ModifyInstanceMetadataDefaults" ->
                    equalsIgnoreCase(r, "HttpTokens", "optional");
            case "ModifyImageAttribute" -> get(r, "LaunchPermission") != null
                    || equalsIgnoreCase(r, "Attribute", "launchPermission")
                    || !list(r, "UserIds").isEmpty() || !list(r, "UserGroups").isEmpty()
                    || !list(r, "OrganizationArns").isEmpty() || !list(r, "OrganizationalUnitArns").isEmpty();
            // A forced detach can corrupt the file system.
            case "DetachVolume" -> isTrue(r, "Force");
            case "CancelSpotFleetRequests" -> isTrue(r, "TerminateInstances");
            case "ModifySpotFleetRequest" -> isZero(r, "TargetCapacity");
            case "ModifyFleet" -> isZero(map(r, "TargetCapacitySpecification"), "TotalTargetCapacity");
            case "ModifyVpcEndpoint" -> get(r, "PolicyDocument") != null || isTrue(r, "ResetPolicy");
            case "ModifyVpcBlockPublicAccessOptions" -> equalsIgnoreCase(r, "InternetGatewayBlockMode", "off");
            default -> false;
        };
    }

    /** Scaling to zero, and removing the protection against scale-in. */
    private static boolean scaling(String prefix, String operation, Map<?, ?> r) {
        return switch (BuiltInCatalog.actionName(prefix, operation)) {
            case "autoscaling:UpdateAutoScalingGroup", "autoscaling:PutScheduledUpdateGroupAction" ->
                    scalesGroupToZero(r);
            case "autoscaling:SetDesiredCapacity" -> isZero(r, "DesiredCapacity");
            case "autoscaling:BatchPutScheduledUpdateGroupAction" ->
                    anyMap(r, "ScheduledUpdateGroupActions", RequestRules::scalesGroupToZero);
            case "autoscaling:SetInstanceProtection" -> isFalse(r, "ProtectedFromScaleIn");
            case "application-autoscaling:RegisterScalableTarget" -> isZero(r, "MaxCapacity");
            case "ecs:UpdateService" -> isZero(r, "desiredCount");
            case "ecs:UpdateTaskProtection" -> isFalse(r, "protectionEnabled");
            case "eks:UpdateNodegroupConfig" -> {
                Map<?, ?> config = map(r, "scalingConfig");
                yield isZero(config, "desiredSize") || isZero(config, "maxSize");
            }
            case "eks:UpdateClusterConfig" ->
                    anyMap(map(r, "logging"), "clusterLogging", setup -> isFalse(setup, "enabled"));
            case "lambda:PutFunctionConcurrency" -> isZero(r, "ReservedConcurrentExecutions");
            case "lambda:CreateFunctionUrlConfig", "lambda:UpdateFunctionUrlConfig" ->
                    equalsIgnoreCase(r, "AuthType", "NONE");
            case "kinesis:UpdateShardCount" -> isZero(r, "TargetShardCount");
            default -> false;
        };
    }

    /** Protection, logging, backups, encryption and access switched off or shortened. */
    private static boolean safeguards(String operation, Map<?, ?> r) {
        return switch (operation) {
            case "rds:ModifyDBInstance", "rds:ModifyDBCluster" -> isFalse(r, "DeletionProtection")
                    || isZero(r, "BackupRetentionPeriod") || isTrue(r, "PubliclyAccessible");
            case "cloudformation:UpdateTerminationProtection" -> isFalse(r, "EnableTerminationProtection");
            case "logs:PutLogGroupDeletionProtection" -> isFalse(r, "DeletionProtectionEnabled");
            case "elasticloadbalancing:ModifyLoadBalancerAttributes" ->
                    anyMap(r, "Attributes", a -> (equalsIgnoreCase(a, "Key", "deletion_protection.enabled")
                            || equalsIgnoreCase(a, "Key", "access_logs.s3.enabled")) && isFalse(a, "Value"))
                    || isFalse(map(map(r, "LoadBalancerAttributes"), "AccessLog"), "Enabled");
            case "elasticache:ModifyReplicationGroup", "elasticache:ModifyCacheCluster",
                 "elasticache:ModifyServerlessCache" -> isZero(r, "SnapshotRetentionLimit");
            // A trail pointed at another bucket or log group sends the record of what happens elsewhere.
            case "cloudtrail:UpdateTrail" -> isFalse(r, "EnableLogFileValidation") || isFalse(r, "IsMultiRegionTrail")
                    || isFalse(r, "IncludeGlobalServiceEvents") || string(r, "S3BucketName") != null
                    || string(r, "CloudWatchLogsLogGroupArn") != null || string(r, "KmsKeyId") != null;
            case "cloudtrail:UpdateEventDataStore" -> isFalse(r, "TerminationProtectionEnabled")
                    || get(r, "RetentionPeriod") != null;
            case "events:PutRule" -> equalsIgnoreCase(r, "State", "DISABLED");
            case "ecr:PutImageTagMutability" -> equalsIgnoreCase(r, "imageTagMutability", "MUTABLE");
            case "kms:ImportKeyMaterial" -> equalsIgnoreCase(r, "ExpirationModel", "KEY_MATERIAL_EXPIRES");
            case "glue:PutDataCatalogEncryptionSettings" -> {
                Map<?, ?> settings = map(r, "DataCatalogEncryptionSettings");
                yield equalsIgnoreCase(map(settings, "EncryptionAtRest"), "CatalogEncryptionMode", "DISABLED")
                        || isFalse(map(settings, "ConnectionPasswordEncryption"), "ReturnConnectionPasswordEncrypted");
            }
            case "backup:UpdateBackupPlan" -> anyMap(map(r, "BackupPlan"), "Rules",
                    rule -> get(map(rule, "Lifecycle"), "DeleteAfterDays") != null);
            case "backup:UpdateRegionSettings" -> {
                Map<?, ?> optIn = map(r, "ResourceTypeOptInPreference");
                yield optIn != null && optIn.containsValue(Boolean.FALSE);
            }
            case "sqs:SetQueueAttributes" -> {
                Map<?, ?> attributes = map(r, "Attributes");
                yield attributes != null && (attributes.containsKey("Policy")
                        || attributes.containsKey("MessageRetentionPeriod")
                        || attributes.containsKey("RedriveAllowPolicy")
                        || Boolean.FALSE.equals(RequestFields.toBoolean(attributes.get("SqsManagedSseEnabled"))));
            }
            case "sns:SetTopicAttributes" -> equalsIgnoreCase(r, "AttributeName", "Policy")
                    || equalsIgnoreCase(r, "AttributeName", "KmsMasterKeyId")
                    || equalsIgnoreCase(r, "AttributeName", "DataProtectionPolicy");
            case "apigateway:UpdateRestApi" ->
                    anyMap(r, "patchOperations", op -> equalsIgnoreCase(op, "path", "/policy"));
            default -> false;
        };
    }

    /** Overwrites, deleted records, and SQL that deletes or drops. */
    private static boolean queriesAndRecords(String prefix, String operation, Map<?, ?> r) {
        return switch (BuiltInCatalog.actionName(prefix, operation)) {
            case "ssm:PutParameter" -> isTrue(r, "Overwrite");
            // An automation runbook that deletes or terminates is that deletion.
            case "ssm:StartAutomationExecution", "ssm:StartChangeRequestExecution" ->
                    destroyingDocument(string(r, "DocumentName"));
            case "route53:ChangeResourceRecordSets" -> anyMap(map(r, "ChangeBatch"), "Changes",
                    change -> equalsIgnoreCase(change, "Action", "DELETE") || equalsIgnoreCase(change, "Action", "UPSERT"));
            case "athena:StartQueryExecution" -> SqlStatements.destroys(string(r, "QueryString"));
            case "rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement" -> SqlStatements.destroys(string(r, "sql"));
            case "redshift-data:ExecuteStatement" -> SqlStatements.destroys(string(r, "Sql"));
            case "redshift-data:BatchExecuteStatement" -> {
                boolean destroys = false;
                for (Object sql : list(r, "Sqls")) {
                    destroys |= sql instanceof String s && SqlStatements.destroys(s);
                }
                yield destroys;
            }
            default -> false;
        };
    }

    private static boolean terminatesOnShutdown(Map<?, ?> r) {
        Object behaviour = get(r, "InstanceInitiatedShutdownBehavior");
        if (behaviour instanceof Map<?, ?> m) {
            behaviour = get(m, "Value");
        }
        return behaviour instanceof String s && s.equalsIgnoreCase("terminate");
    }

    /** {@code AWS-TerminateEC2Instance}, {@code AWS-DeleteSnapshot}, {@code AWSSupport-...Delete...}. */
    private static boolean destroyingDocument(String document) {
        if (document == null) {
            return false;
        }
        String name = document.substring(document.lastIndexOf('/') + 1);
        for (String word : new String[] {"Delete", "Terminate", "Remove", "Purge", "Destroy", "Detach", "Disable",
            "Revoke", "Stop", "Cleanup", "CleanUp"}) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** An enabled lifecycle rule that expires current or noncurrent versions. */
    private static boolean expiresObjects(Map<?, ?> rule) {
        if (equalsIgnoreCase(rule, "Status", "Disabled")) {
            return false;
        }
        return get(rule, "Expiration") != null || get(rule, "NoncurrentVersionExpiration") != null;
    }

    private static boolean batchDeletes(Map<?, ?> tables) {
        if (tables == null) {
            return false;
        }
        for (Object writes : tables.values()) {
            if (writes instanceof List<?> list) {
                for (Object write : list) {
                    if (write instanceof Map<?, ?> m && get(m, "DeleteRequest") != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean grantsPublicAccess(Map<?, ?> r) {
        String acl = string(r, "ACL");
        if (acl != null && PUBLIC_CANNED_ACLS.contains(acl.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String grant : GRANT_HEADERS) {
            String grantees = string(r, grant);
            if (grantees != null && (grantees.contains("AllUsers") || grantees.contains("AuthenticatedUsers"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProtectionAttribute(String attribute) {
        return "disableApiTermination".equalsIgnoreCase(attribute) || "disableApiStop".equalsIgnoreCase(attribute);
    }

    private static boolean scalesGroupToZero(Map<?, ?> r) {
        return isZero(r, "DesiredCapacity") || isZero(r, "MaxSize");
    }
}

package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What breaks production without deleting anything is DESTRUCTIVE, category by category (see CLASSIFICATION.md,
 * "What breaks production without deleting"): statically, or through a request rule when only some requests do.
 */
class DisruptiveActionsTest {

    private final ActionCatalog catalog = ActionCatalog.builtIn();

    @Test
    void availability() {
        destructive("ec2:StopInstances", "ec2:RebootInstances", "rds:FailoverDBCluster", "rds:RebootDBInstance",
                "rds:StopDBInstance", "rds:StopDBCluster", "elasticloadbalancing:DeregisterTargets",
                "elasticloadbalancing:DeregisterInstancesFromLoadBalancer", "ec2:DetachVolume",
                "ec2:DisassociateAddress", "ec2:DetachInternetGateway", "ecs:StopTask",
                "autoscaling:DetachInstances");
        destructiveWith("autoscaling", "UpdateAutoScalingGroup", Map.of("DesiredCapacity", 0));
        destructiveWith("ecs", "UpdateService", Map.of("desiredCount", 0));
    }

    @Test
    void identity() {
        destructive("iam:PassRole", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:AttachUserPolicy",
                "iam:PutUserPolicy", "iam:CreateAccessKey", "iam:UpdateAssumeRolePolicy", "iam:CreatePolicyVersion",
                "iam:AddUserToGroup");
    }

    @Test
    void organisationMembership() {
        destructive("organizations:RemoveAccountFromOrganization", "organizations:LeaveOrganization",
                "organizations:MoveAccount", "organizations:InviteAccountToOrganization");
    }

    @Test
    void overwritingSecretsAndParameters() {
        destructive("secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret");
        destructiveWith("ssm", "PutParameter", Map.of("Name", "/db/password", "Overwrite", true));
    }

    @Test
    void switchingProtectionEncryptionLoggingOrReplicationOff() {
        destructive("s3:DeleteBucketEncryption", "s3:DeleteBucketReplication", "cloudtrail:StopLogging",
                "kms:DisableKey", "kms:ScheduleKeyDeletion", "config:StopConfigurationRecorder",
                "guardduty:DeleteDetector", "ec2:DisableEbsEncryptionByDefault");
        destructiveWith("rds", "ModifyDBInstance", Map.of("DeletionProtection", false));
        destructiveWith("s3", "PutBucketVersioning", Map.of("VersioningConfiguration", Map.of("Status",
                "Suspended")));
    }

    @Test
    void shorteningRetention() {
        destructive("logs:PutRetentionPolicy");
        destructiveWith("s3", "PutBucketLifecycleConfiguration", Map.of("LifecycleConfiguration", Map.of("Rules",
                List.of(Map.of("Status", "Enabled", "Expiration", Map.of("Days", 1))))));
    }

    @Test
    void closingAccountsLeavingAndDomains() {
        destructive("organizations:CloseAccount", "account:CloseAccount", "route53domains:TransferDomain",
                "route53domains:TransferDomainToAnotherAwsAccount", "route53domains:UpdateDomainNameservers");
    }

    @Test
    void redirectingLogs() {
        destructiveWith("cloudtrail", "UpdateTrail", Map.of("Name", "org-trail", "S3BucketName", "elsewhere"));
        writeWith("cloudtrail", "UpdateTrail", Map.of("Name", "org-trail", "IncludeGlobalServiceEvents", true));
    }

    @Test
    void aShutdownThatTerminates() {
        destructiveWith("ec2", "ModifyInstanceAttribute", Map.of("InstanceId", "i-1",
                "InstanceInitiatedShutdownBehavior", Map.of("Value", "terminate")));
        destructiveWith("ec2", "RunInstances", Map.of("InstanceInitiatedShutdownBehavior", "terminate"));
        writeWith("ec2", "RunInstances", Map.of("InstanceInitiatedShutdownBehavior", "stop"));
    }

    @Test
    void droppingAnIndex() {
        destructiveWith("dynamodb", "UpdateTable", Map.of("TableName", "orders", "GlobalSecondaryIndexUpdates",
                List.of(Map.of("Delete", Map.of("IndexName", "by-date")))));
        destructiveWith("dynamodb", "ExecuteStatement", Map.of("Statement", "DROP INDEX by_date ON orders"));
    }

    @Test
    void automationThatRunsADestructiveDocument() {
        destructiveWith("ssm", "StartAutomationExecution", Map.of("DocumentName", "AWS-TerminateEC2Instance"));
        destructiveWith("ssm", "StartAutomationExecution", Map.of("DocumentName", "AWS-DeleteSnapshot"));
        writeWith("ssm", "StartAutomationExecution", Map.of("DocumentName", "AWS-RestartEC2Instance"));
    }

    private void destructive(String... actions) {
        List<String> notDestructive = new java.util.ArrayList<>();
        for (String action : actions) {
            int colon = action.indexOf(':');
            Operation op = catalog.operation(action.substring(0, colon), action.substring(colon + 1));
            if (catalog.classify(op, Map.of()) != Classification.DESTRUCTIVE) {
                notDestructive.add(action + "=" + catalog.classify(op, Map.of()));
            }
        }
        assertThat(notDestructive).as("not DESTRUCTIVE").isEmpty();
    }

    private void destructiveWith(String prefix, String operation, Map<String, Object> request) {
        assertThat(catalog.classify(catalog.operation(prefix, operation), request)).as(prefix + ":" + operation + " "
                + request).isEqualTo(Classification.DESTRUCTIVE);
    }

    private void writeWith(String prefix, String operation, Map<String, Object> request) {
        assertThat(catalog.classify(catalog.operation(prefix, operation), request)).as(prefix + ":" + operation + " "
                + request).isEqualTo(Classification.WRITE);
    }
}

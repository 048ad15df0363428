package dev.airlock.catalog.internal;

import dev.airlock.call.Classification;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reviewed per-service exceptions to the generic rules of {@link ActionRules}, for the services AI tools use
 * most. Each entry says why the access level and the name get it wrong. Where a setting can be switched either
 * way (versioning, protection flags, retention), the action stays WRITE here and a request rule in
 * {@link RequestRules} raises the calls that weaken it.
 */
final class ReviewedActions {

    private static final Map<String, Classification> OVERRIDES = new HashMap<>();

    static {
        // What breaks production without deleting anything (CLASSIFICATION.md, section 4): availability,
        // identity, organisation membership, overwritten secrets, accounts and domains.
        destructive("ec2", "StopInstances", "RebootInstances", "DetachVolume", "DisassociateAddress",
                "DetachInternetGateway");
        destructive("rds", "FailoverDBCluster", "RebootDBInstance", "StopDBCluster", "StopDBInstance");
        destructive("ecs", "StopTask");
        destructive("autoscaling", "DetachInstances");
        destructive("iam", "PassRole");
        destructive("organizations", "CloseAccount", "LeaveOrganization", "MoveAccount",
                "InviteAccountToOrganization");
        destructive("account", "CloseAccount");
        destructive("route53domains", "TransferDomain", "TransferDomainToAnotherAwsAccount",
                "UpdateDomainNameservers");
        destructive("secretsmanager", "PutSecretValue", "UpdateSecret");

        // s3: switching a safeguard on is WRITE; the request rules raise a call that switches it off or shortens
        // retention. Pausing replication stops the second copy.
        write("s3", "PutBucketPublicAccessBlock", "PutAccountPublicAccessBlock", "PutAccessPointPublicAccessBlock",
                "PutLifecycleConfiguration", "PutObjectRetention");
        destructive("s3", "PauseReplication");

        // sqs: DeleteMessage acknowledges a message the consumer has received, the normal end of processing.
        // SetQueueAttributes is filed under Permissions management because one attribute is the queue policy;
        // the request rules raise it for that attribute and for retention.
        write("sqs", "DeleteMessage", "SetQueueAttributes");

        // sns: as for SQS, only the Policy attribute changes who may do what. Unsubscribe stops a delivery,
        // often an alert.
        write("sns", "SetTopicAttributes");
        destructive("sns", "Unsubscribe");

        // kms: cryptographic operations change no state. A key scheduled for deletion takes every piece of data
        // encrypted under it along.
        read("kms", "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
                "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
                "GenerateRandom", "Sign", "Verify", "VerifyMac", "DeriveSharedSecret", "ReEncryptFrom",
                "ReEncryptTo");
        destructive("kms", "ScheduleKeyDeletion");

        // sts: decoding an authorization failure message changes nothing.
        read("sts", "DecodeAuthorizationMessage");

        // secretsmanager: validating a policy changes nothing.
        read("secretsmanager", "ValidateResourcePolicy");

        // lambda: new code replaces the deployed code.
        destructive("lambda", "UpdateFunctionCode");

        // states: a new definition replaces the deployed one, as new code does for Lambda.
        destructive("states", "UpdateStateMachine");

        // iam: credentials, group membership, instance roles, federation trust and password rules all change
        // who may do what, though the service reference files them under Write.
        destructive("iam", "AddUserToGroup", "AddRoleToInstanceProfile", "CreateAccessKey", "UpdateAccessKey",
                "CreateLoginProfile", "UpdateLoginProfile", "CreateServiceSpecificCredential",
                "ResetServiceSpecificCredential", "UpdateServiceSpecificCredential", "UploadSSHPublicKey",
                "UpdateSSHPublicKey", "UploadSigningCertificate", "UpdateSigningCertificate",
                "UploadCloudFrontPublicKey", "UpdateCloudFrontPublicKey", "CreateOpenIDConnectProvider",
                "UpdateOpenIDConnectProviderThumbprint", "AddClientIDToOpenIDConnectProvider", "CreateSAMLProvider",
                "UpdateSAMLProvider", "UpdateAccountPasswordPolicy", "EnableOrganizationsRootSessions",
                "EnableOrganizationsRootCredentialsManagement", "AcceptDelegationRequest",
                "AssociateDelegationRequest");

        // ec2: protection switched on is WRITE. Rewinding a root volume, giving an instance a role, opening
        // network access, releasing an Elastic IP (the address is gone for good), unlocking a snapshot and
        // forcing a diagnostic interrupt (the OS may crash) are destructive.
        write("ec2", "EnableImageBlockPublicAccess", "EnableSnapshotBlockPublicAccess");
        destructive("ec2", "CreateReplaceRootVolumeTask", "AssociateIamInstanceProfile",
                "ReplaceIamInstanceProfileAssociation", "ModifySecurityGroupRules", "CreateNetworkAclEntry",
                "ReplaceNetworkAclEntry", "ReleaseAddress", "UnlockSnapshot", "SendDiagnosticInterrupt");

        // rds: sharing a snapshot gives other accounts (or everyone) the data; backtracking rewinds a database
        // and drops what was written since; stopping an activity stream stops the audit log.
        destructive("rds", "ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute", "BacktrackDBCluster",
                "StopActivityStream");

        // cloudformation: updates can replace or delete resources. Change sets and generated templates are
        // plans, not resources: deleting one destroys nothing.
        destructive("cloudformation", "UpdateStack", "ExecuteChangeSet", "UpdateStackSet", "UpdateStackInstances");
        write("cloudformation", "DeleteChangeSet", "DeleteGeneratedTemplate");

        // cloudwatch: a mute rule silences alarms.
        destructive("cloudwatch", "PutAlarmMuteRule");

        // logs: without a retention policy logs are kept forever; a query definition is a saved query.
        write("logs", "DeleteRetentionPolicy", "DeleteQueryDefinition");

        // ssm and ecs: a remote command can destroy anything on the host, and Airlock cannot see what it does.
        // Moving an instance to another role changes who may do what.
        destructive("ssm", "SendCommand", "StartSession", "UpdateManagedInstanceRole");
        destructive("ecs", "ExecuteCommand");

        // eks: access entries, identity providers and pod identities decide who may use the cluster.
        destructive("eks", "CreateAccessEntry", "UpdateAccessEntry", "AssociateIdentityProviderConfig",
                "DisassociateIdentityProviderConfig", "CreatePodIdentityAssociation", "UpdatePodIdentityAssociation");

        // elasticloadbalancing: a new trust store grants nothing until a listener uses it.
        write("elasticloadbalancing", "CreateTrustStore");

        // cloudtrail: selectors decide what is logged, and stopping ingestion stops the log.
        destructive("cloudtrail", "PutEventSelectors", "PutInsightSelectors", "StopEventDataStoreIngestion");

        // backup: detaching a recovery point ends its continuous backup; a legal hold is a protection.
        destructive("backup", "DisassociateRecoveryPoint", "DisassociateRecoveryPointFromParent", "CancelLegalHold");

        // glue: a connection test reads nothing and destroys nothing, whatever its access level says.
        write("glue", "TestConnection");

        // elasticfilesystem: lifecycle only moves files between storage classes, it expires nothing.
        write("elasticfilesystem", "PutLifecycleConfiguration");
    }

    private ReviewedActions() {
    }

    static Classification lookup(String prefix, String name) {
        return OVERRIDES.get(key(prefix, name));
    }

    /** Every reviewed exception, keyed {@code prefix:action} in lower case. */
    static Map<String, Classification> all() {
        return Map.copyOf(OVERRIDES);
    }

    private static String key(String prefix, String name) {
        return BuiltInCatalog.actionName(prefix, name.toLowerCase(Locale.ROOT));
    }

    private static void read(String prefix, String... actions) {
        put(prefix, Classification.READ, actions);
    }

    private static void write(String prefix, String... actions) {
        put(prefix, Classification.WRITE, actions);
    }

    private static void destructive(String prefix, String... actions) {
        put(prefix, Classification.DESTRUCTIVE, actions);
    }

    private static void put(String prefix, Classification classification, String... actions) {
        for (String action : actions) {
            if (OVERRIDES.put(key(prefix, action), classification) != null) {
                throw new IllegalStateException(prefix + ":" + action + " is reviewed twice");
            }
        }
    }
}

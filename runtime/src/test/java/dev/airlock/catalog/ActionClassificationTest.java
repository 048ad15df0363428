package dev.airlock.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Classification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reviewed classification of the 30 most used services, both ways: what must be DESTRUCTIVE and the
 * everyday calls that must not be.
 */
class ActionClassificationTest {

    private final ActionCatalog catalog = ActionCatalog.builtIn();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // s3
        "s3:GetObject, READ", "s3:ListBucket, READ", "s3:PutObject, WRITE", "s3:CreateBucket, WRITE",
        "s3:PutBucketTagging, WRITE", "s3:DeleteObjectTagging, WRITE", "s3:PutBucketVersioning, WRITE",
        "s3:PutLifecycleConfiguration, WRITE", "s3:PutBucketPublicAccessBlock, WRITE", "s3:RestoreObject, WRITE",
        "s3:DeleteBucket, DESTRUCTIVE", "s3:DeleteObject, DESTRUCTIVE", "s3:DeleteObjectVersion, DESTRUCTIVE",
        "s3:PutBucketPolicy, DESTRUCTIVE", "s3:DeleteBucketPolicy, DESTRUCTIVE", "s3:PutBucketAcl, DESTRUCTIVE",
        "s3:PutObjectAcl, DESTRUCTIVE", "s3:BypassGovernanceRetention, DESTRUCTIVE", "s3:PauseReplication, DESTRUCTIVE",
        // ec2
        "ec2:DescribeInstances, READ", "ec2:RunInstances, WRITE", "ec2:StartInstances, WRITE",
        "ec2:StopInstances, DESTRUCTIVE", "ec2:CreateSnapshot, WRITE", "ec2:CreateTags, WRITE", "ec2:DeleteTags, WRITE",
        "ec2:EnableSnapshotBlockPublicAccess, WRITE", "ec2:ModifyInstanceAttribute, WRITE",
        "ec2:TerminateInstances, DESTRUCTIVE", "ec2:DeleteVolume, DESTRUCTIVE", "ec2:DeleteSnapshot, DESTRUCTIVE",
        "ec2:DeregisterImage, DESTRUCTIVE", "ec2:AuthorizeSecurityGroupIngress, DESTRUCTIVE",
        "ec2:RevokeSecurityGroupIngress, DESTRUCTIVE", "ec2:DisableEbsEncryptionByDefault, DESTRUCTIVE",
        "ec2:ModifySnapshotAttribute, DESTRUCTIVE", "ec2:CreateReplaceRootVolumeTask, DESTRUCTIVE",
        "ec2:ReleaseAddress, DESTRUCTIVE", "ec2:AssociateIamInstanceProfile, DESTRUCTIVE",
        // iam
        "iam:GetRole, READ", "iam:ListRoles, READ", "iam:CreateRole, WRITE", "iam:TagRole, WRITE",
        "iam:UpdateRoleDescription, WRITE", "iam:AttachRolePolicy, DESTRUCTIVE", "iam:PutRolePolicy, DESTRUCTIVE",
        "iam:CreatePolicyVersion, DESTRUCTIVE", "iam:UpdateAssumeRolePolicy, DESTRUCTIVE",
        "iam:CreateAccessKey, DESTRUCTIVE", "iam:AddUserToGroup, DESTRUCTIVE", "iam:DeleteRole, DESTRUCTIVE",
        "iam:DeactivateMFADevice, DESTRUCTIVE", "iam:CreateLoginProfile, DESTRUCTIVE",
        // lambda
        "lambda:GetFunction, READ", "lambda:InvokeFunction, WRITE", "lambda:CreateFunction, WRITE",
        "lambda:UpdateFunctionConfiguration, WRITE", "lambda:PublishVersion, WRITE",
        "lambda:PutFunctionConcurrency, WRITE", "lambda:UpdateFunctionCode, DESTRUCTIVE",
        "lambda:DeleteFunction, DESTRUCTIVE", "lambda:AddPermission, DESTRUCTIVE",
        // dynamodb
        "dynamodb:GetItem, READ", "dynamodb:Query, READ", "dynamodb:Scan, READ", "dynamodb:PutItem, WRITE",
        "dynamodb:UpdateItem, WRITE", "dynamodb:BatchWriteItem, WRITE", "dynamodb:CreateTable, WRITE",
        "dynamodb:UpdateTable, WRITE", "dynamodb:CreateBackup, WRITE", "dynamodb:DeleteItem, DESTRUCTIVE",
        "dynamodb:DeleteTable, DESTRUCTIVE", "dynamodb:DeleteBackup, DESTRUCTIVE",
        "dynamodb:PutResourcePolicy, DESTRUCTIVE", "dynamodb:PartiQLDelete, DESTRUCTIVE",
        // rds
        "rds:DescribeDBInstances, READ", "rds:CreateDBInstance, WRITE", "rds:ModifyDBInstance, WRITE",
        "rds:RebootDBInstance, DESTRUCTIVE", "rds:CreateDBSnapshot, WRITE", "rds:DeleteDBInstance, DESTRUCTIVE",
        "rds:DeleteDBCluster, DESTRUCTIVE", "rds:DeleteDBSnapshot, DESTRUCTIVE",
        "rds:ModifyDBSnapshotAttribute, DESTRUCTIVE", "rds:BacktrackDBCluster, DESTRUCTIVE",
        // cloudformation
        "cloudformation:DescribeStacks, READ", "cloudformation:CreateStack, WRITE",
        "cloudformation:CreateChangeSet, WRITE", "cloudformation:DeleteChangeSet, WRITE",
        "cloudformation:UpdateTerminationProtection, WRITE", "cloudformation:UpdateStack, DESTRUCTIVE",
        "cloudformation:ExecuteChangeSet, DESTRUCTIVE", "cloudformation:DeleteStack, DESTRUCTIVE",
        "cloudformation:SetStackPolicy, DESTRUCTIVE",
        // sqs
        "sqs:ReceiveMessage, READ", "sqs:SendMessage, WRITE", "sqs:DeleteMessage, WRITE",
        "sqs:ChangeMessageVisibility, WRITE", "sqs:CreateQueue, WRITE", "sqs:SetQueueAttributes, WRITE",
        "sqs:PurgeQueue, DESTRUCTIVE", "sqs:DeleteQueue, DESTRUCTIVE", "sqs:AddPermission, DESTRUCTIVE",
        // sns
        "sns:ListTopics, READ", "sns:Publish, WRITE", "sns:Subscribe, WRITE", "sns:SetTopicAttributes, WRITE",
        "sns:DeleteTopic, DESTRUCTIVE", "sns:Unsubscribe, DESTRUCTIVE", "sns:AddPermission, DESTRUCTIVE",
        // kms
        "kms:DescribeKey, READ", "kms:Decrypt, READ", "kms:Encrypt, READ", "kms:GenerateDataKey, READ",
        "kms:CreateKey, WRITE", "kms:EnableKeyRotation, WRITE", "kms:CancelKeyDeletion, WRITE",
        "kms:ScheduleKeyDeletion, DESTRUCTIVE", "kms:DisableKey, DESTRUCTIVE", "kms:DisableKeyRotation, DESTRUCTIVE",
        "kms:PutKeyPolicy, DESTRUCTIVE", "kms:CreateGrant, DESTRUCTIVE", "kms:RevokeGrant, DESTRUCTIVE",
        // sts
        "sts:GetCallerIdentity, READ", "sts:DecodeAuthorizationMessage, READ", "sts:AssumeRole, WRITE",
        // cloudwatch (signing name monitoring)
        "cloudwatch:GetMetricData, READ", "cloudwatch:PutMetricData, WRITE", "cloudwatch:PutMetricAlarm, WRITE",
        "cloudwatch:DeleteAlarms, DESTRUCTIVE", "cloudwatch:DisableAlarmActions, DESTRUCTIVE",
        "cloudwatch:PutAlarmMuteRule, DESTRUCTIVE",
        // logs
        "logs:FilterLogEvents, READ", "logs:PutLogEvents, WRITE", "logs:CreateLogGroup, WRITE",
        "logs:DeleteRetentionPolicy, WRITE", "logs:PutRetentionPolicy, DESTRUCTIVE",
        "logs:DeleteLogGroup, DESTRUCTIVE", "logs:DisassociateKmsKey, DESTRUCTIVE",
        "logs:DeleteSubscriptionFilter, DESTRUCTIVE",
        // ecs
        "ecs:DescribeServices, READ", "ecs:RunTask, WRITE", "ecs:UpdateService, WRITE", "ecs:StopTask, DESTRUCTIVE",
        "ecs:RegisterTaskDefinition, WRITE", "ecs:DeleteService, DESTRUCTIVE", "ecs:DeleteCluster, DESTRUCTIVE",
        "ecs:DeregisterTaskDefinition, DESTRUCTIVE", "ecs:ExecuteCommand, DESTRUCTIVE",
        // eks
        "eks:DescribeCluster, READ", "eks:CreateNodegroup, WRITE", "eks:UpdateNodegroupConfig, WRITE",
        "eks:DeleteCluster, DESTRUCTIVE", "eks:DeleteNodegroup, DESTRUCTIVE", "eks:CreateAccessEntry, DESTRUCTIVE",
        "eks:AssociateAccessPolicy, DESTRUCTIVE",
        // ecr
        "ecr:BatchGetImage, READ", "ecr:PutImage, WRITE", "ecr:CreateRepository, WRITE",
        "ecr:BatchDeleteImage, DESTRUCTIVE", "ecr:DeleteRepository, DESTRUCTIVE",
        "ecr:PutLifecyclePolicy, DESTRUCTIVE", "ecr:SetRepositoryPolicy, DESTRUCTIVE",
        // elasticloadbalancing
        "elasticloadbalancing:DescribeLoadBalancers, READ", "elasticloadbalancing:CreateLoadBalancer, WRITE",
        "elasticloadbalancing:RegisterTargets, WRITE", "elasticloadbalancing:ModifyLoadBalancerAttributes, WRITE",
        "elasticloadbalancing:CreateTrustStore, WRITE", "elasticloadbalancing:DeleteLoadBalancer, DESTRUCTIVE",
        "elasticloadbalancing:DeregisterTargets, DESTRUCTIVE",
        // autoscaling
        "autoscaling:DescribeAutoScalingGroups, READ", "autoscaling:UpdateAutoScalingGroup, WRITE",
        "autoscaling:SetDesiredCapacity, WRITE", "autoscaling:PutScalingPolicy, WRITE",
        "autoscaling:DeleteAutoScalingGroup, DESTRUCTIVE",
        "autoscaling:TerminateInstanceInAutoScalingGroup, DESTRUCTIVE",
        // route53
        "route53:ListHostedZones, READ", "route53:ChangeResourceRecordSets, WRITE", "route53:CreateHostedZone, WRITE",
        "route53:DeleteHostedZone, DESTRUCTIVE", "route53:DisableHostedZoneDNSSEC, DESTRUCTIVE",
        "route53:DeactivateKeySigningKey, DESTRUCTIVE",
        // secretsmanager
        "secretsmanager:GetSecretValue, READ", "secretsmanager:ValidateResourcePolicy, READ",
        "secretsmanager:CreateSecret, WRITE", "secretsmanager:PutSecretValue, DESTRUCTIVE",
        "secretsmanager:RotateSecret, WRITE", "secretsmanager:DeleteSecret, DESTRUCTIVE",
        "secretsmanager:PutResourcePolicy, DESTRUCTIVE",
        // ssm
        "ssm:GetParameter, READ", "ssm:PutParameter, WRITE", "ssm:StartAutomationExecution, WRITE",
        "ssm:DeleteParameter, DESTRUCTIVE", "ssm:DeleteParameters, DESTRUCTIVE", "ssm:SendCommand, DESTRUCTIVE",
        // cloudtrail
        "cloudtrail:LookupEvents, READ", "cloudtrail:CreateTrail, WRITE", "cloudtrail:StartLogging, WRITE",
        "cloudtrail:UpdateTrail, WRITE", "cloudtrail:StopLogging, DESTRUCTIVE", "cloudtrail:DeleteTrail, DESTRUCTIVE",
        "cloudtrail:PutEventSelectors, DESTRUCTIVE",
        // apigateway
        "apigateway:GET, READ", "apigateway:POST, WRITE", "apigateway:PATCH, WRITE",
        "apigateway:DELETE, DESTRUCTIVE", "apigateway:UpdateRestApiPolicy, DESTRUCTIVE",
        // states
        "states:DescribeExecution, READ", "states:StartExecution, WRITE", "states:StopExecution, WRITE",
        "states:UpdateStateMachine, DESTRUCTIVE", "states:DeleteStateMachine, DESTRUCTIVE",
        // events
        "events:ListRules, READ", "events:PutEvents, WRITE", "events:PutRule, WRITE", "events:PutTargets, WRITE",
        "events:DisableRule, DESTRUCTIVE", "events:DeleteRule, DESTRUCTIVE", "events:RemoveTargets, DESTRUCTIVE",
        "events:PutPermission, DESTRUCTIVE",
        // glue
        "glue:GetTable, READ", "glue:GetStage, READ", "glue:StartJobRun, WRITE", "glue:CreateTable, WRITE",
        "glue:UpdateTable, WRITE", "glue:DeleteTable, DESTRUCTIVE", "glue:BatchDeleteTable, DESTRUCTIVE",
        "glue:DeleteDatabase, DESTRUCTIVE", "glue:PutResourcePolicy, DESTRUCTIVE",
        // athena
        "athena:GetQueryResults, READ", "athena:StartQueryExecution, WRITE", "athena:CreateWorkGroup, WRITE",
        "athena:DeleteWorkGroup, DESTRUCTIVE",
        // kinesis
        "kinesis:GetRecords, READ", "kinesis:PutRecord, WRITE", "kinesis:PutRecords, WRITE",
        "kinesis:IncreaseStreamRetentionPeriod, WRITE", "kinesis:DecreaseStreamRetentionPeriod, DESTRUCTIVE",
        "kinesis:DeleteStream, DESTRUCTIVE", "kinesis:StopStreamEncryption, DESTRUCTIVE",
        // elasticache
        "elasticache:DescribeCacheClusters, READ", "elasticache:CreateReplicationGroup, WRITE",
        "elasticache:ModifyReplicationGroup, WRITE", "elasticache:CreateSnapshot, WRITE",
        "elasticache:DeleteReplicationGroup, DESTRUCTIVE", "elasticache:DeleteSnapshot, DESTRUCTIVE",
        // backup
        "backup:ListBackupPlans, READ", "backup:StartBackupJob, WRITE", "backup:CreateBackupPlan, WRITE",
        "backup:DeleteRecoveryPoint, DESTRUCTIVE", "backup:DeleteBackupVault, DESTRUCTIVE",
        "backup:UpdateRecoveryPointLifecycle, DESTRUCTIVE", "backup:DeleteBackupVaultLockConfiguration, DESTRUCTIVE",
        "backup:PutBackupVaultAccessPolicy, DESTRUCTIVE",
    })
    void reviewedServicesAreClassifiedAsReviewed(String action, Classification expected) {
        ActionInfo info = catalog.action(action);

        assertThat(info).as("%s is in the catalog", action).isNotNull();
        assertThat(info.classification()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // the generic rules on services nobody reviewed one by one
        "glacier:DeleteArchive, DESTRUCTIVE", "guardduty:DeleteDetector, DESTRUCTIVE",
        "guardduty:StopMonitoringMembers, DESTRUCTIVE", "config:StopConfigurationRecorder, DESTRUCTIVE",
        "organizations:DetachPolicy, DESTRUCTIVE", "ram:CreateResourceShare, DESTRUCTIVE",
        "codeartifact:PutRepositoryPermissionsPolicy, DESTRUCTIVE", "wafv2:DisassociateWebACL, DESTRUCTIVE",
        "redshift:ModifySnapshotCopyRetentionPeriod, DESTRUCTIVE", "es:ESHttpDelete, DESTRUCTIVE",
        "sagemaker:CreateTrainingJob, WRITE", "codebuild:StartBuild, WRITE", "ecr-public:PutImage, WRITE",
        "sagemaker:DescribeTrainingJob, READ", "quicksight:DescribeTopicPermissions, READ",
    })
    void genericRulesClassifyTheRest(String action, Classification expected) {
        ActionInfo info = catalog.action(action);

        assertThat(info).as("%s is in the catalog", action).isNotNull();
        assertThat(info.classification()).isEqualTo(expected);
    }
}

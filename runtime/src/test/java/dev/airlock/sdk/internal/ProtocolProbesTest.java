package dev.airlock.sdk.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.plan.Plan;
import dev.airlock.plan.Prober;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;

/**
 * The CloudFormation, EC2 and RDS probes on their services' wire protocol: a real SDK client of each, the probe
 * channel built from its configuration as the hook builds it, and responses in the protocol's documented shape
 * served by WireMock. The probes must read what the plan needs and never send the destructive request itself.
 */
class ProtocolProbesTest {

    private static final String CFN = "xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"";
    private static final String RDS = "xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"";
    private static final String EC2 = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    private static WireMockServer server;
    private final Prober prober = Prober.probing(Duration.ofSeconds(10), 5).forGuard(new AnyGuard());

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void reset() {
        server.resetAll();
        prober.close();
    }

    private static void answer(String action, String bodyContains, int status, String xml) {
        server.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action))
                .withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B local(B b) {
        return b.region(Region.US_EAST_1).endpointOverride(URI.create(server.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")));
    }

    /** The client's configuration, as the hook receives it with every call. */
    private static SdkClientConfiguration configOf(SdkClient client) throws Exception {
        Field f = client.getClass().getDeclaredField("clientConfiguration");
        f.setAccessible(true);
        return (SdkClientConfiguration) f.get(client);
    }

    private Plan plan(String service, String operation, Map<String, Object> params, ProbeChannel channel) {
        Call call = Call.builder().service(service).operation(operation).actions(List.of(service + ":" + operation))
                .classification(Classification.DESTRUCTIVE).resources(List.of("arn:x")).parameters(params)
                .requester(new Requester("alice", "h", 1, "t", null)).probes(channel).build();
        try {
            return prober.plan(call);
        } finally {
            channel.close();
        }
    }

    @Test
    void deleteStackReportsItsResourcesTheirTypesAndTerminationProtection() throws Exception {
        answer("DescribeStacks", "StackName=staging", 200, "<DescribeStacksResponse " + CFN + "><DescribeStacksResult>"
                + "<Stacks><member><StackName>staging</StackName><StackId>arn:aws:cloudformation:us-east-1:"
                + "111122223333:stack/staging/1</StackId><CreationTime>2026-11-01T10:00:00Z</CreationTime>"
                + "<StackStatus>UPDATE_COMPLETE</StackStatus><EnableTerminationProtection>true"
                + "</EnableTerminationProtection></member></Stacks></DescribeStacksResult><ResponseMetadata>"
                + "<RequestId>r1</RequestId></ResponseMetadata></DescribeStacksResponse>");
        answer("ListStackResources", "StackName=staging", 200, listPage("<NextToken>page-2</NextToken>",
                resource("DataBucket", "staging-data", "AWS::S3::Bucket"),
                resource("Orders", "staging-orders", "AWS::DynamoDB::Table")));
        answer("ListStackResources", "NextToken=page-2", 200, listPage("",
                resource("Jobs", "https://sqs/jobs", "AWS::SQS::Queue")));

        try (CloudFormationClient cfn = local(CloudFormationClient.builder()).build()) {
            Plan plan = plan("cloudformation", "DeleteStack", Map.of("StackName", "staging"),
                    new HostProbeChannel(configOf(cfn), DeleteStackRequest.class));

            assertThat(plan.notes()).isEmpty();
            assertThat(plan.measures()).containsEntry("stack resources", 3L);
            assertThat(plan.facts()).containsEntry("termination protection", "on")
                    .containsEntry("resource types", "1 AWS::DynamoDB::Table, 1 AWS::S3::Bucket, 1 AWS::SQS::Queue");
            assertThat(plan.details()).contains("AWS::S3::Bucket DataBucket (staging-data)",
                    "AWS::SQS::Queue Jobs (https://sqs/jobs)");
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DeleteStack")));
    }

    @Test
    void executeChangeSetReportsWhatTheChangeDeletesAndReplaces() throws Exception {
        answer("DescribeChangeSet", "ChangeSetName=cs-1", 200, "<DescribeChangeSetResponse " + CFN + ">"
                + "<DescribeChangeSetResult><Changes>"
                + "<member><Type>Resource</Type><ResourceChange><Action>Remove</Action><LogicalResourceId>OldQueue"
                + "</LogicalResourceId><ResourceType>AWS::SQS::Queue</ResourceType></ResourceChange></member>"
                + "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action><Replacement>True"
                + "</Replacement><LogicalResourceId>Db</LogicalResourceId><ResourceType>AWS::RDS::DBInstance"
                + "</ResourceType></ResourceChange></member>"
                + "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action><Replacement>False"
                + "</Replacement><LogicalResourceId>Fn</LogicalResourceId><ResourceType>AWS::Lambda::Function"
                + "</ResourceType></ResourceChange></member>"
                + "</Changes></DescribeChangeSetResult></DescribeChangeSetResponse>");

        try (CloudFormationClient cfn = local(CloudFormationClient.builder()).build()) {
            Plan plan = plan("cloudformation", "ExecuteChangeSet", Map.of("ChangeSetName", "cs-1", "StackName",
                    "staging"), new HostProbeChannel(configOf(cfn), DeleteStackRequest.class));

            assertThat(plan.measures()).containsEntry("resources deleted", 1L).containsEntry("resources replaced", 1L);
            assertThat(plan.details()).containsExactly("deletes AWS::SQS::Queue OldQueue",
                    "replaces AWS::RDS::DBInstance Db");
        }
    }

    @Test
    void terminateInstancesAsksEc2sOwnDryRunAndNamesTheVolumesThatGoWithThem() throws Exception {
        answer("TerminateInstances", "DryRun=true", 412, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Errors><Error><Code>DryRunOperation</Code><Message>Request would have succeeded, but DryRun "
                + "flag is set.</Message></Error></Errors><RequestID>r2</RequestID></Response>");
        answer("DescribeInstances", "InstanceId.1=i-0abc", 200, "<DescribeInstancesResponse " + EC2 + ">"
                + "<requestId>r3</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet>"
                + "<item><instanceId>i-0abc</instanceId><instanceState><code>16</code><name>running</name>"
                + "</instanceState><blockDeviceMapping>"
                + "<item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-root</volumeId><status>attached"
                + "</status><deleteOnTermination>true</deleteOnTermination></ebs></item>"
                + "<item><deviceName>/dev/sdf</deviceName><ebs><volumeId>vol-data</volumeId><status>attached"
                + "</status><deleteOnTermination>false</deleteOnTermination></ebs></item>"
                + "</blockDeviceMapping><tagSet><item><key>Name</key><value>web-1</value></item><item><key>env"
                + "</key><value>staging</value></item></tagSet></item></instancesSet></item></reservationSet>"
                + "</DescribeInstancesResponse>");

        try (Ec2Client ec2 = local(Ec2Client.builder()).build()) {
            Plan plan = plan("ec2", "TerminateInstances", Map.of("InstanceIds", List.of("i-0abc")),
                    new HostProbeChannel(configOf(ec2), TerminateInstancesRequest.class));

            assertThat(plan.facts()).containsEntry("EC2 dry run", "would succeed");
            assertThat(plan.measures()).containsEntry("instances", 1L)
                    .containsEntry("volumes deleted on termination", 1L);
            assertThat(plan.details()).singleElement().satisfies(d -> assertThat(d).contains("i-0abc", "\"web-1\"",
                    "running", "env=staging", "vol-root").doesNotContain("vol-data"));
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=TerminateInstances"))
                .withRequestBody(equalTo("DryRun=false").or(com.github.tomakehurst.wiremock.client.WireMock
                        .notContaining("DryRun=true"))));
    }

    @Test
    void deleteDbInstanceReportsFinalSnapshotProtectionAndBackups() throws Exception {
        answer("DescribeDBInstances", "DBInstanceIdentifier=orders-db", 200, "<DescribeDBInstancesResponse " + RDS
                + "><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>orders-db"
                + "</DBInstanceIdentifier><Engine>postgres</Engine><DeletionProtection>false</DeletionProtection>"
                + "<BackupRetentionPeriod>7</BackupRetentionPeriod><AllocatedStorage>100</AllocatedStorage>"
                + "</DBInstance></DBInstances></DescribeDBInstancesResult><ResponseMetadata><RequestId>r4"
                + "</RequestId></ResponseMetadata></DescribeDBInstancesResponse>");
        answer("DescribeDBInstanceAutomatedBackups", "DBInstanceIdentifier=orders-db", 200,
                "<DescribeDBInstanceAutomatedBackupsResponse " + RDS + "><DescribeDBInstanceAutomatedBackupsResult>"
                        + "<DBInstanceAutomatedBackups><DBInstanceAutomatedBackup><DBInstanceIdentifier>orders-db"
                        + "</DBInstanceIdentifier><Status>active</Status></DBInstanceAutomatedBackup>"
                        + "</DBInstanceAutomatedBackups></DescribeDBInstanceAutomatedBackupsResult>"
                        + "</DescribeDBInstanceAutomatedBackupsResponse>");

        try (RdsClient rds = local(RdsClient.builder()).build()) {
            Plan plan = plan("rds", "DeleteDBInstance", Map.of("DBInstanceIdentifier", "orders-db",
                    "SkipFinalSnapshot", true), new HostProbeChannel(configOf(rds), DeleteDbInstanceRequest.class));

            assertThat(plan.notes()).isEmpty();
            assertThat(plan.facts()).containsEntry("final snapshot", "skipped")
                    .containsEntry("deletion protection", "off").containsEntry("engine", "postgres")
                    .containsEntry("backup retention", "7 days");
            assertThat(plan.measures()).containsEntry("automated backups", 1L).containsEntry("GiB allocated", 100L);
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DeleteDBInstance")));
    }

    @Test
    void aServiceErrorBecomesANoteInThePlan() throws Exception {
        answer("DescribeDBInstances", "DBInstanceIdentifier=gone", 404, "<ErrorResponse " + RDS + "><Error><Type>"
                + "Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance gone not found.</Message></Error>"
                + "<RequestId>r5</RequestId></ErrorResponse>");

        try (RdsClient rds = local(RdsClient.builder()).build()) {
            Plan plan = plan("rds", "DeleteDBInstance", Map.of("DBInstanceIdentifier", "gone"),
                    new HostProbeChannel(configOf(rds), DeleteDbInstanceRequest.class));

            assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n).contains("probe failed",
                    "DBInstance gone not found"));
            assertThat(plan.summary()).contains("rds:DeleteDBInstance", "probe failed");
        }
    }

    private static String listPage(String next, String... members) {
        return "<ListStackResourcesResponse " + CFN + "><ListStackResourcesResult><StackResourceSummaries>"
                + String.join("", members) + "</StackResourceSummaries>" + next + "</ListStackResourcesResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListStackResourcesResponse>";
    }

    private static String resource(String logical, String physical, String type) {
        return "<member><LogicalResourceId>" + logical + "</LogicalResourceId><PhysicalResourceId>" + physical
                + "</PhysicalResourceId><ResourceType>" + type + "</ResourceType><LastUpdatedTimestamp>"
                + "2026-11-01T10:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus>"
                + "</member>";
    }

    private static final class AnyGuard implements CallGuard {
        @Override
        public int screen(String sdkService, String signingName, String operation) {
            return PROCEED;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
            return CallAnswer.proceed();
        }
    }
}

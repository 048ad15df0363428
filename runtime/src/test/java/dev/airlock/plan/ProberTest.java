package dev.airlock.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.bridge.CallAnswer;
import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.ProbeChannel;
import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProberTest {

    private static final Requester REQUESTER = new Requester("alice", "build-7", 4242, "coding-agent", null);
    private final CallGuard guard = new NoGuard();
    private Prober prober = Prober.probing(Duration.ofSeconds(5), 3).forGuard(guard);

    @AfterEach
    void close() {
        prober.close();
    }

    static Call call(String service, String operation, Map<String, Object> params, ProbeChannel probes,
                     String... resources) {
        return Call.builder().service(service).operation(operation).actions(List.of(service + ":" + operation))
                .classification(Classification.DESTRUCTIVE).resources(List.of(resources)).parameters(params)
                .requester(REQUESTER).probes(probes).build();
    }

    private static Map<String, Object> objects(int from, int to, long size, String next) {
        List<Object> contents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            contents.add(Map.of("Key", "reports/" + i + ".csv", "Size", size));
        }
        return next == null ? Map.of("Contents", contents, "IsTruncated", false)
                : Map.of("Contents", contents, "IsTruncated", true, "NextContinuationToken", next);
    }

    @Test
    void deleteBucketCountsObjectsAndBytesAcrossPagesAndNamesEachObject() {
        FakeChannel s3 = new FakeChannel()
                .on("ListObjectsV2", r -> r.containsKey("ContinuationToken") ? objects(4, 7, 100, null)
                        : objects(0, 4, 100, "page-2"))
                .on("ListObjectVersions", r -> Map.of("Versions", List.of(Map.of(), Map.of()), "IsTruncated", false))
                .on("GetBucketVersioning", r -> Map.of("Status", "Enabled"))
                .on("GetObjectLockConfiguration", r -> {
                    throw new IllegalStateException("Object Lock configuration does not exist for this bucket "
                            + "(Service: S3, Status Code: 404, ObjectLockConfigurationNotFoundError)");
                });

        Plan plan = prober.plan(call("s3", "DeleteBucket", Map.of("Bucket", "demo"), s3, "arn:aws:s3:::demo"));

        assertThat(plan.measures()).containsEntry("objects", 7L).containsEntry("bytes", 700L)
                .containsEntry("versions", 2L);
        assertThat(plan.facts()).containsEntry("object lock", "off").containsEntry("versioning", "Enabled");
        assertThat(plan.details()).contains("object reports/0.csv: 100 bytes", "object reports/6.csv: 100 bytes")
                .hasSize(7);
        assertThat(plan.summary()).contains("s3:DeleteBucket", "7 objects", "700 bytes");
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.resourcesDestroyed()).isEqualTo(7);
    }

    @Test
    void aListingLongerThanThePageLimitIsCountedInPartAndSaysSo() {
        int[] page = {0};
        FakeChannel s3 = new FakeChannel()
                .on("ListObjectsV2", r -> objects(page[0] * 10, ++page[0] * 10, 1, "more"))
                .on("ListObjectVersions", r -> Map.of("IsTruncated", false))
                .on("GetBucketVersioning", r -> Map.of())
                .on("GetObjectLockConfiguration", r -> Map.of());

        Plan plan = prober.plan(call("s3", "DeleteBucket", Map.of("Bucket", "big"), s3, "arn:aws:s3:::big"));

        assertThat(plan.measures()).containsEntry("objects", 30L);
        assertThat(plan.notes()).anyMatch(n -> n.contains("first 3 pages only"));
        assertThat(s3.requests).filteredOn(r -> r.startsWith("ListObjectsV2")).hasSize(3);
    }

    @Test
    void deleteObjectsReportsTheNamedObjectsThatAreThereWithTheirBytes() {
        FakeChannel s3 = new FakeChannel().on("ListObjectsV2", r -> {
            assertThat(r).containsEntry("Prefix", "reports/");
            return objects(0, 5, 42, null);
        });
        Map<String, Object> params = Map.of("Bucket", "demo", "Delete", Map.of("Objects", List.of(
                Map.of("Key", "reports/1.csv"), Map.of("Key", "reports/3.csv"), Map.of("Key", "reports/9.csv"))));

        Plan plan = prober.plan(call("s3", "DeleteObjects", params, s3, "arn:aws:s3:::demo/reports/1.csv",
                "arn:aws:s3:::demo/reports/3.csv", "arn:aws:s3:::demo/reports/9.csv"));

        assertThat(plan.measures()).containsEntry("objects", 2L).containsEntry("bytes", 84L);
        assertThat(plan.details()).containsExactly("object reports/1.csv: 42 bytes", "object reports/3.csv: 42 bytes",
                "object reports/9.csv: not there (nothing to delete)");
    }

    @Test
    void lifecycleWithExpiryCountsWhatItWouldExpire() {
        FakeChannel s3 = new FakeChannel().on("ListObjectsV2", r -> objects(0, 4, 10, null));
        Map<String, Object> params = Map.of("Bucket", "demo", "LifecycleConfiguration", Map.of("Rules", List.of(
                Map.of("ID", "tidy", "Filter", Map.of("Prefix", "logs/"), "Expiration", Map.of("Days", 1)))));

        Plan plan = prober.plan(call("s3", "PutBucketLifecycleConfiguration", params, s3, "arn:aws:s3:::demo"));

        assertThat(plan.measures()).containsEntry("objects", 4L).containsEntry("bytes", 40L);
        assertThat(plan.facts()).containsEntry("expires objects under logs/", "after 1 days");
    }

    @Test
    void deleteTableReportsItemsProtectionAndBackups() {
        FakeChannel ddb = new FakeChannel()
                .on("DescribeTable", r -> Map.of("Table", Map.of("ItemCount", 3, "TableSizeBytes", 2048,
                        "DeletionProtectionEnabled", false)))
                .on("Scan", r -> r.containsKey("ExclusiveStartKey") ? Map.of("Count", 5)
                        : Map.of("Count", 7, "LastEvaluatedKey", Map.of("id", Map.of("S", "x"))))
                .on("DescribeContinuousBackups", r -> Map.of("ContinuousBackupsDescription", Map.of(
                        "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus", "DISABLED"))))
                .on("ListBackups", r -> Map.of("BackupSummaries", List.of(Map.of("BackupName", "b1"))));

        Plan plan = prober.plan(call("dynamodb", "DeleteTable", Map.of("TableName", "orders"), ddb,
                "arn:aws:dynamodb:us-east-1:111122223333:table/orders"));

        assertThat(plan.measures()).containsEntry("items", 12L).containsEntry("bytes", 2048L);
        assertThat(plan.facts()).containsEntry("deletion protection", "off")
                .containsEntry("point-in-time recovery", "DISABLED").containsEntry("backups", "1");
        assertThat(ddb.requests).anyMatch(r -> r.startsWith("Scan") && r.contains("ExclusiveStartKey={id={S=x}}"));
    }

    @Test
    void purgeQueueReportsItsMessages() {
        FakeChannel sqs = new FakeChannel().on("GetQueueAttributes", r -> Map.of("Attributes", Map.of(
                "ApproximateNumberOfMessages", "6", "ApproximateNumberOfMessagesNotVisible", "1",
                "ApproximateNumberOfMessagesDelayed", "0")));

        Plan plan = prober.plan(call("sqs", "PurgeQueue", Map.of("QueueUrl", "http://q/jobs"), sqs, "arn:q"));

        assertThat(plan.measures()).containsEntry("messages", 7L);
        assertThat(plan.summary()).contains("7 messages");
    }

    @Test
    void probesRunOnAirlocksOwnThreadsMarkedAsTheGuardsOwn() {
        FakeChannel sqs = new FakeChannel().on("GetQueueAttributes", r -> {
            // The hooks ask the guard of every SDK call: on a probe's thread, they must not.
            CallAnswer asked = dev.airlock.bridge.AskGuard.ask(guard, "sdk", "Sqs", "sqs", "GetQueueAttributes",
                    null, null, null, null, null);
            return Map.of("Attributes", Map.of("ApproximateNumberOfMessages", asked == null ? "1" : "999"));
        });

        Plan plan = prober.plan(call("sqs", "PurgeQueue", Map.of("QueueUrl", "http://q/jobs"), sqs, "arn:q"));

        assertThat(sqs.threads).singleElement().satisfies(t -> assertThat(t).startsWith("airlock-probe-"));
        assertThat(plan.measures()).containsEntry("messages", 1L);
        assertThat(((NoGuard) guard).asked).isZero();
    }

    @Test
    void aProbeThatHangsIsCutOffAndThePlanSaysSo() throws Exception {
        prober.close();
        prober = Prober.probing(Duration.ofMillis(300), 3).forGuard(guard);
        CountDownLatch interrupted = new CountDownLatch(1);
        FakeChannel sqs = new FakeChannel().on("GetQueueAttributes", r -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Map.of();
        });

        Plan plan = prober.plan(call("sqs", "PurgeQueue", Map.of("QueueUrl", "http://q/jobs"), sqs, "arn:q"));

        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n).contains("timed out after 300 ms"));
        assertThat(plan.summary()).contains("sqs:PurgeQueue", "timed out");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the probe's thread is interrupted").isTrue();
    }

    @Test
    void probesOfConcurrentCallsRunAtTheSameTime() throws Exception {
        CountDownLatch together = new CountDownLatch(3);
        FakeChannel sqs = new FakeChannel().on("GetQueueAttributes", r -> {
            together.countDown();
            // Each probe waits for the others: run one by one, they would all time out.
            together.await(4, TimeUnit.SECONDS);
            return Map.of("Attributes", Map.of("ApproximateNumberOfMessages", "2"));
        });
        List<Thread> callers = new ArrayList<>();
        List<Plan> plans = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> plans.add(prober.plan(call("sqs", "PurgeQueue", Map.of("QueueUrl", "u"),
                    sqs, "arn:q"))));
            t.start();
            callers.add(t);
        }
        for (Thread t : callers) {
            t.join(20_000);
        }
        assertThat(plans).hasSize(3).allSatisfy(p -> assertThat(p.measures()).containsEntry("messages", 2L));
    }

    @Test
    void aProbeThatFailsSaysSoAndKeepsWhatItFound() {
        FakeChannel ddb = new FakeChannel()
                .on("DescribeTable", r -> {
                    throw new IllegalStateException("AccessDeniedException: not allowed to describe");
                });

        Plan plan = prober.plan(call("dynamodb", "DeleteTable", Map.of("TableName", "t"), ddb, "arn:t"));

        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n).contains("probe failed",
                "not allowed to describe"));
        assertThat(plan.resources()).containsExactly("arn:t");
    }

    @Test
    void anUnknownServiceGetsTheGenericPlanWithoutAnyRequest() {
        FakeChannel any = new FakeChannel();

        Plan plan = prober.plan(call("glacier", "DeleteVault", Map.of("vaultName", "v"), any, "arn:v"));

        assertThat(plan).isEqualTo(Plan.fromRequest(call("glacier", "DeleteVault", Map.of(), null, "arn:v")));
        assertThat(any.requests).isEmpty();
    }

    @Test
    void aCallWithoutAChannelGetsTheGenericPlanThatSaysWhy() {
        Plan plan = prober.plan(call("s3", "DeleteBucket", Map.of("Bucket", "b"), null, "arn:aws:s3:::b"));

        assertThat(plan.measures()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n).contains("not probed"));
    }

    @Test
    void cloudFormationEc2RdsIamKmsAndLambdaProbesReadWhatTheirPlansNeed() {
        FakeChannel cfn = new FakeChannel()
                .on("DescribeStacks", r -> Map.of("Stacks", List.of(Map.of("EnableTerminationProtection", true,
                        "StackStatus", "CREATE_COMPLETE"))))
                .on("ListStackResources", r -> Map.of("StackResourceSummaries", List.of(
                        Map.of("LogicalResourceId", "Data", "PhysicalResourceId", "d-1", "ResourceType",
                                "AWS::S3::Bucket"),
                        Map.of("LogicalResourceId", "Db", "PhysicalResourceId", "db-1", "ResourceType",
                                "AWS::RDS::DBInstance"))));
        Plan stack = prober.plan(call("cloudformation", "DeleteStack", Map.of("StackName", "staging"), cfn, "arn:s"));
        assertThat(stack.measures()).containsEntry("stack resources", 2L);
        assertThat(stack.facts()).containsEntry("termination protection", "on");
        assertThat(stack.details()).contains("AWS::S3::Bucket Data (d-1)");

        FakeChannel lambda = new FakeChannel()
                .on("ListAliases", r -> Map.of("Aliases", List.of(Map.of("Name", "live", "FunctionVersion", "3"))))
                .on("ListEventSourceMappings", r -> Map.of("EventSourceMappings", List.of(
                        Map.of("EventSourceArn", "arn:aws:sqs:us-east-1:1:jobs", "State", "Enabled"))));
        Plan fn = prober.plan(call("lambda", "DeleteFunction", Map.of("FunctionName", "f"), lambda, "arn:f"));
        assertThat(fn.measures()).containsEntry("aliases", 1L).containsEntry("event sources", 1L);

        FakeChannel iam = new FakeChannel()
                .on("GetRole", r -> Map.of("Role", Map.of("RoleLastUsed", Map.of("LastUsedDate",
                        "2026-11-30T10:00:00Z", "Region", "eu-west-1"))))
                .on("ListAttachedRolePolicies", r -> Map.of("AttachedPolicies", List.of(Map.of("PolicyArn",
                        "arn:aws:iam::aws:policy/ReadOnlyAccess"))))
                .on("ListRolePolicies", r -> Map.of("PolicyNames", List.of("inline-1")));
        Plan role = prober.plan(call("iam", "DeleteRole", Map.of("RoleName", "deployer"), iam, "arn:r"));
        assertThat(role.facts()).containsEntry("last used", "2026-11-30T10:00:00Z in eu-west-1");
        assertThat(role.details()).contains("attached policy arn:aws:iam::aws:policy/ReadOnlyAccess",
                "inline policy inline-1");

        FakeChannel kms = new FakeChannel()
                .on("DescribeKey", r -> Map.of("KeyMetadata", Map.of("KeyState", "Enabled", "KeyManager",
                        "CUSTOMER")))
                .on("ListAliases", r -> Map.of("Aliases", List.of(Map.of("AliasName", "alias/data"))))
                .on("ListGrants", r -> Map.of("Grants", List.of()));
        Plan key = prober.plan(call("kms", "ScheduleKeyDeletion", Map.of("KeyId", "k-1"), kms, "arn:k"));
        assertThat(key.facts()).containsEntry("key state", "Enabled");
        assertThat(key.details()).contains("alias alias/data");
    }

    /** A guard that counts what it is asked; the probes' own calls must never reach it. */
    static final class NoGuard implements CallGuard {
        volatile int asked;

        @Override
        public int screen(String sdkService, String signingName, String operation) {
            asked++;
            return PROCEED;
        }

        @Override
        public CallAnswer decide(String origin, String sdkService, String signingName, String operation,
                                 String region, String endpoint, Map<String, Object> request, ProbeChannel probes) {
            asked++;
            return CallAnswer.proceed();
        }
    }
}

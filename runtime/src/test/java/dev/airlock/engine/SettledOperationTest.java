package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.audit.RecordingAuditLog;
import dev.airlock.call.Call;
import dev.airlock.config.AirlockConfig;
import dev.airlock.gate.Verdict;
import dev.airlock.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The guard builds a call from the operation the fast path settled when it screened the call, instead of settling
 * it again from the catalog. On generated calls, that call and its verdict must be those of the full path.
 */
class SettledOperationTest {

    private static final String[][] CLIENTS = {
        {"S3", "s3"}, {"S3", null}, {"S3", "s3-outposts"}, {"DynamoDb", "dynamodb"}, {"Sqs", "sqs"},
        {"Lambda", "lambda"}, {"Ec2", "ec2"}, {"CloudWatch", "monitoring"}, {"Iam", "iam"}, {"Nope", "nope"},
    };
    private static final String[] OPERATIONS = {
        "GetObject", "HeadObject", "PutObject", "DeleteObject", "DeleteObjects", "DeleteBucket", "ListBuckets",
        "CopyObject", "GetItem", "Query", "DeleteItem", "DeleteTable", "ReceiveMessage", "DeleteQueue", "Invoke",
        "DeleteFunction", "TerminateInstances", "DescribeInstances", "PutMetricData", "DeleteRole", "Nuke", "",
    };
    private static final String POLICY = """
            Statement:
              - Sid: TeamRead
                Effect: Allow
                Action: ["s3:GetObject", "dynamodb:GetItem"]
                Resource: ["arn:aws:s3:::team-a-*", "arn:aws:dynamodb:*:*:table/team-a-*"]
              - Sid: OtherTeamHolds
                Effect: RequireApproval
                Action: ["s3:*"]
                Resource: ["arn:aws:s3:::team-b-*"]
              - Sid: NoQueues
                Effect: Deny
                Action: ["sqs:DeleteQueue"]
                Resource: "*"
            """;

    @Test
    void callsBuiltFromTheSettledOperationAreThoseOfTheFullPath() throws Exception {
        Engine engine = Engine.builder(AirlockConfig.defaults()).policy(Policy.parse(POLICY, "test"))
                .audit(new RecordingAuditLog()).build();
        Random random = new Random(20261202L);
        int reused = 0;
        for (int i = 0; i < 3_000; i++) {
            String[] client = CLIENTS[random.nextInt(CLIENTS.length)];
            String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
            String region = random.nextBoolean() ? "eu-west-1" : null;
            Map<String, Object> request = request(random);
            // The screen settles the operation (and, for another signing name, must not lend it to this client).
            engine.guard().screen(client[0], random.nextInt(4) == 0 ? "other" : client[1], operation);

            Call full = engine.sdkCalls().toCall("sdk", client[0], client[1], operation, region, null, request,
                    null);
            PolicyHolder.FastEntry settled = engine.settledOperation(client[0], client[1], operation);
            if (settled == null) {
                continue;
            }
            reused++;
            Call fromSettled = engine.sdkCalls().toCall("sdk", settled.servicePrefix(), settled.operation(),
                    operation, region, null, request, null);

            String what = client[0] + "/" + client[1] + " " + operation + " " + request;
            assertThat(describe(fromSettled)).as(what).isEqualTo(describe(full));
            Verdict a = engine.decide(full);
            Verdict b = engine.decide(fromSettled);
            assertThat(b.outcome()).as(what).isEqualTo(a.outcome());
            assertThat(b.reason()).as(what).isEqualTo(a.reason());
        }
        assertThat(reused).isGreaterThan(1_000);
    }

    @Test
    void anEntrySettledForAnotherSigningNameIsNotLent() {
        Engine engine = Engine.builder(AirlockConfig.defaults()).audit(new RecordingAuditLog()).build();
        engine.guard().screen("CloudWatch", "monitoring", "PutMetricData");

        assertThat(engine.settledOperation("CloudWatch", "monitoring", "PutMetricData")).isNotNull();
        assertThat(engine.settledOperation("CloudWatch", "other", "PutMetricData")).isNull();
    }

    private static Map<String, Object> request(Random random) {
        Map<String, Object> r = new LinkedHashMap<>();
        String team = random.nextBoolean() ? "team-a-" : random.nextBoolean() ? "team-b-" : "shared-";
        if (random.nextBoolean()) {
            r.put("Bucket", team + "data");
        }
        if (random.nextBoolean()) {
            r.put("Key", "2026/" + random.nextInt(100) + ".txt");
        }
        if (random.nextInt(3) == 0) {
            r.put("TableName", team + "users");
        }
        if (random.nextInt(4) == 0) {
            r.put("QueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/" + team + "q");
        }
        if (random.nextInt(5) == 0) {
            r.put("CopySource", team + "src/a%20b.txt");
        }
        if (random.nextInt(5) == 0) {
            r.put("RoleArn", "arn:aws:iam::123456789012:role/" + team + "role");
        }
        return r;
    }

    private static List<Object> describe(Call c) {
        List<Object> out = new ArrayList<>();
        out.add(c.service());
        out.add(c.operation());
        out.add(c.actions());
        out.add(c.classification());
        out.add(c.resources());
        out.add(c.region());
        out.add(c.account());
        out.add(c.parameters());
        return out;
    }
}

package dev.airlock.it.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole flow as people meet it: a tool under the agent calls DeleteTable on DynamoDB Local and is held; two
 * approvers (production needs two) approve it, one with the CLI and one in the console in a real browser; the
 * identical call then proceeds, and only then is the table gone.
 */
class ApprovalEndToEndIT {

    static final Pattern APPROVAL_ID = Pattern.compile("Approval id: (apr-[0-9a-f]{16})");

    @ParameterizedTest
    @ValueSource(strings = {"fail-fast", "wait"})
    void twoApproversOneByCliOneByConsoleThenTheIdenticalCallProceeds(String mode) throws Exception {
        Backend aws = LocalServers.shared();
        String table = "e2e-" + mode + "-" + System.nanoTime();
        createTable(aws, table);
        Path work = BuildPaths.freshWorkDir("approval-e2e-" + mode);
        try (ApprovalService service = ApprovalService.local(work);
             Console console = Console.open()) {
            String ana = Cli.addApprover(service, "ana");
            String ben = Cli.addApprover(service, "ben");
            try (Child tool = guardedDropper(work, service, mode, aws, table)) {
                String id;
                if (mode.equals("fail-fast")) {
                    String held = tool.awaitPrefix("FAILED " + table, 1, Duration.ofSeconds(90)).get(0);
                    assertThat(held).contains("Airlock held dynamodb:DeleteTable", "NOT sent", "2 more approvers",
                            "airlock approve", "retry this identical call");
                    id = approvalId(held);
                } else {
                    id = awaitPending(service, ana);
                }
                assertThat(tableExists(aws, table)).isTrue();

                Cli.Result byCli = Cli.run(service, ana, "approve", id);
                assertThat(byCli.exit()).as(byCli.out()).isZero();
                assertThat(byCli.out()).contains("1 of 2");
                if (mode.equals("fail-fast")) {
                    tool.send("retry");
                    assertThat(tool.awaitPrefix("FAILED " + table, 2, Duration.ofSeconds(60)).get(1))
                            .contains("1 of 2 so far: ana");
                }
                assertThat(tableExists(aws, table)).isTrue();

                assertThat(console.approve(service.url(), ben, id)).contains("ana", "ben");
                if (mode.equals("fail-fast")) {
                    tool.send("retry");
                }
                tool.awaitPrefix("DELETED " + table, 1, Duration.ofSeconds(60));
                assertThat(tableExists(aws, table)).isFalse();
                tool.send("exit");
            }
        }
    }

    static Child guardedDropper(Path work, ApprovalService service, String mode, Backend aws, String... tables)
            throws Exception {
        AirlockSettings settings = AirlockSettings.inWorkDir(work)
                .with("environment", "prod")
                .with("approval.url", service.url())
                .with("approval.public-key", service.publicKey().toString())
                .with("approval.mode", mode)
                .with("approval.timeout", "90s");
        List<String> cmd = new ArrayList<>(List.of(ApprovalService.java(),
                "-javaagent:" + BuildPaths.agentJar() + "=" + settings.agentArguments(),
                "-cp", BuildPaths.sampleClasspath(), "dev.airlock.sample.TableDropper", aws.dynamoDb().toString()));
        cmd.addAll(List.of(tables));
        return Child.start(cmd, Map.of());
    }

    static String approvalId(String message) {
        Matcher m = APPROVAL_ID.matcher(message);
        assertThat(m.find()).as("an approval id in: " + message).isTrue();
        return m.group(1);
    }

    /** The id of the one request the service holds, once the tool's call has filed it. */
    static String awaitPending(ApprovalService service, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Cli.Result r = Cli.run(service, token, "pending");
            Matcher m = Pattern.compile("(apr-[0-9a-f]{16})").matcher(r.out());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no request was filed\n" + service.transcript());
    }

    static void createTable(Backend aws, String table) {
        try (DynamoDbClient d = aws.dynamoDbClient()) {
            d.createTable(b -> b.tableName(table)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
        }
    }

    static boolean tableExists(Backend aws, String table) {
        try (DynamoDbClient d = aws.dynamoDbClient()) {
            return d.listTables().tableNames().contains(table);
        }
    }
}

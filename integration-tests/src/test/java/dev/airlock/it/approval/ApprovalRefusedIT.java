package dev.airlock.it.approval;

import static dev.airlock.it.approval.ApprovalEndToEndIT.approvalId;
import static dev.airlock.it.approval.ApprovalEndToEndIT.createTable;
import static dev.airlock.it.approval.ApprovalEndToEndIT.tableExists;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.approval.ApprovalJson;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.Grant;
import dev.airlock.approval.GrantSigner;
import dev.airlock.it.harness.AirlockSettings;
import dev.airlock.it.harness.Backend;
import dev.airlock.it.harness.BuildPaths;
import dev.airlock.it.harness.LocalServers;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way around two-person approval is refused, and the table survives each one. */
class ApprovalRefusedIT {

    private static final Duration T = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Backend aws;
    private static ApprovalService service;
    private static String ana;
    private static String ben;

    @BeforeAll
    static void startService() throws Exception {
        aws = LocalServers.shared();
        service = ApprovalService.local(BuildPaths.freshWorkDir("approval-refused"));
        ana = Cli.addApprover(service, "ana");
        ben = Cli.addApprover(service, "ben");
    }

    @AfterAll
    static void stopService() throws Exception {
        service.close();
    }

    private static Child dropper(String name, String serviceUrl, String environment, String... tables)
            throws Exception {
        AirlockSettings settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("approval-refused-" + name))
                .with("approval.url", serviceUrl)
                .with("approval.public-key", service.publicKey().toString())
                .with("approval.mode", "fail-fast");
        if (environment != null) {
            settings.with("environment", environment);
        }
        List<String> cmd = new ArrayList<>(List.of(ApprovalService.java(),
                "-javaagent:" + BuildPaths.agentJar() + "=" + settings.agentArguments(),
                "-cp", BuildPaths.sampleClasspath(), "dev.airlock.sample.TableDropper", aws.dynamoDb().toString()));
        cmd.addAll(List.of(tables));
        return Child.start(cmd, Map.of());
    }

    private static String table(String name) {
        String t = "refused-" + name + "-" + System.nanoTime();
        createTable(aws, t);
        return t;
    }

    /** The nth FAILED line for the table (1-based), after sending retry when n > 1. */
    private static String attempt(Child tool, String table, int n) throws Exception {
        if (n > 1) {
            tool.send("retry");
        }
        return tool.awaitPrefix("FAILED " + table, n, T).get(n - 1);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() throws Exception {
        String table = table("self");
        String self = Cli.addApprover(service, System.getProperty("user.name"));
        try (Child tool = dropper("self", service.url(), null, table)) {
            String id = approvalId(attempt(tool, table, 1));
            Cli.Result r = Cli.run(service, self, "approve", id);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("can never approve or deny their own request");
            assertThat(attempt(tool, table, 2)).contains("Airlock held", "0 of 1");
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    @Test
    void theSameApproverTwiceCountsOnce() throws Exception {
        String table = table("twice");
        try (Child tool = dropper("twice", service.url(), "prod", table)) {
            String id = approvalId(attempt(tool, table, 1));
            assertThat(Cli.run(service, ana, "approve", id).out()).contains("1 of 2");
            assertThat(Cli.run(service, ana, "approve", id).out()).contains("1 of 2");
            assertThat(attempt(tool, table, 2)).contains("Airlock held", "1 of 2 so far: ana");
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    @Test
    void aTokenThatWasNeverIssuedIsRefused() throws Exception {
        String table = table("token");
        try (Child tool = dropper("token", service.url(), null, table)) {
            String id = approvalId(attempt(tool, table, 1));
            Cli.Result r = Cli.run(service, "alt_NeverIssuedByThisService0000000000000000", "approve", id);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("never issued");
            assertThat(attempt(tool, table, 2)).contains("Airlock held");
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    @Test
    void anExpiredGrantIsRefused() throws Exception {
        String table = table("expired");
        Path work = BuildPaths.freshWorkDir("approval-refused-expired-service");
        try (ApprovalService quick = ApprovalService.local(work, "--grant-minutes", "0")) {
            String carl = Cli.addApprover(quick, "carl");
            AirlockSettings settings = AirlockSettings.inWorkDir(BuildPaths.freshWorkDir("approval-expired-tool"))
                    .with("approval.url", quick.url()).with("approval.public-key", quick.publicKey().toString());
            try (Child tool = Child.start(List.of(ApprovalService.java(),
                    "-javaagent:" + BuildPaths.agentJar() + "=" + settings.agentArguments(), "-cp",
                    BuildPaths.sampleClasspath(), "dev.airlock.sample.TableDropper", aws.dynamoDb().toString(),
                    table), Map.of())) {
                String id = approvalId(attempt(tool, table, 1));
                assertThat(Cli.run(quick, carl, "approve", id).out()).contains("approved");
                String after = attempt(tool, table, 2);
                assertThat(after).contains("Airlock held", "0 of 1");
            }
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    @Test
    void aGrantIsNotReusedForASecondCall() throws Exception {
        String table = table("reuse");
        try (Child tool = dropper("reuse-1", service.url(), null, table)) {
            String id = approvalId(attempt(tool, table, 1));
            Cli.run(service, ana, "approve", id);
            tool.send("retry");
            tool.awaitPrefix("DELETED " + table, 1, T);
        }
        createTable(aws, table);
        try (Child again = dropper("reuse-2", service.url(), null, table)) {
            assertThat(attempt(again, table, 1)).contains("Airlock held", "0 of 1");
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    @Test
    void aGrantForOneTableIsRefusedForAnotherAndAForgedGrantIsRefused() throws Exception {
        String a = table("grant-a");
        String b = table("grant-b");
        try (TamperingService tamper = new TamperingService(service.url());
             Child tool = dropper("grant-ab", tamper.url(), null, a, b)) {
            String idA = approvalId(attempt(tool, a, 1));
            String idB = approvalId(tool.awaitPrefix("FAILED " + b, 1, T).get(0));
            Cli.run(service, ana, "approve", idA);
            Grant grantForA = ApprovalJson.request(Cli.run(service, ana, "show", idA, "--json").stdout()).grant();
            tamper.rewrite(idB, real -> approvedWith(real, grantForA));

            tool.send("retry");
            tool.awaitPrefix("DELETED " + a, 1, T);
            assertThat(tool.awaitPrefix("FAILED " + b, 2, T).get(1))
                    .contains("Airlock denied", "grant presented for it is refused", "approves another call");
            assertThat(tableExists(aws, b)).isTrue();

            ApprovalRequest realB = ApprovalJson.request(Cli.run(service, ana, "show", idB, "--json").stdout());
            GrantSigner forger = new GrantSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                    .getPrivate(), Duration.ofMinutes(15), 1);
            Grant forged = forger.grantFor(realB.with(ApprovalRequest.State.APPROVED, List.of("ana"), null, null, 1),
                    System.currentTimeMillis());
            tamper.rewrite(idB, real -> approvedWith(real, forged));
            assertThat(attempt(tool, b, 3)).contains("Airlock denied", "signature does not verify");
        }
        assertThat(tableExists(aws, b)).isTrue();
    }

    @Test
    void aDenyEndsTheRequestAndTheToolIsTold() throws Exception {
        String table = table("deny");
        try (Child tool = dropper("deny", service.url(), "prod", table)) {
            String id = approvalId(attempt(tool, table, 1));
            Cli.run(service, ana, "approve", id);
            Cli.Result denied = Cli.run(service, ben, "deny", id, "--reason", "orders is still live");
            assertThat(denied.out()).contains("denied by ben");
            assertThat(attempt(tool, table, 2)).contains("Airlock denied", "denied by ben: orders is still live",
                    "do not retry");
            Cli.Result late = Cli.run(service, ben, "approve", id);
            assertThat(late.exit()).isEqualTo(1);
            assertThat(late.out()).contains("denied and takes no more votes");
        }
        assertThat(tableExists(aws, table)).isTrue();
    }

    /** The real request's JSON, shown as approved by ana with {@code grant}. */
    private static String approvedWith(String realJson, Grant grant) {
        try {
            ObjectNode r = (ObjectNode) JSON.readTree(realJson);
            r.put("state", "APPROVED");
            r.putArray("approvers").add("ana");
            r.set("grant", JSON.readTree(ApprovalJson.write(grant)));
            return r.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

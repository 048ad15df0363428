package dev.airlock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.Grant;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.Vote;
import dev.airlock.bridge.CallAnswer;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.engine.Engine;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approvals through an engine built from in-memory parts: held, approved by humans, then the identical call
 * proceeds once; and every way a grant can be wrong is refused.
 */
class ApprovalGateTest {

    private static final Requester ROBIN = new Requester("robin", "laptop", 4242, "tool", null);

    private ApprovalStore store;
    private KeyPair serviceKey;
    private GrantSigner signer;

    @BeforeEach
    void setUp() throws Exception {
        store = ApprovalStore.inMemory();
        serviceKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signer = new GrantSigner(serviceKey.getPrivate(), Duration.ofMinutes(15), 1);
    }

    private Engine engine(Map<String, String> settings) throws Exception {
        Map<String, String> s = new HashMap<>(settings);
        return Engine.builder(AirlockConfig.of(s)).requester(ROBIN)
                .approvals(ApprovalDesk.onStore(store, serviceKey.getPublic())).build();
    }

    private static CallAnswer deleteTable(Engine engine, String table) {
        return engine.guard().decide("sdk", "DynamoDb", "dynamodb", "DeleteTable", "us-east-1", null,
                Map.of("TableName", table), null);
    }

    @Test
    void heldThenApprovedThenTheIdenticalCallProceedsOnce() throws Exception {
        Engine engine = engine(Map.of());
        engine.guard().screen("DynamoDb", "dynamodb", "ListTables");

        CallAnswer held = deleteTable(engine, "orders");
        assertThat(held.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(held.message()).contains(held.approvalId(), "airlock approve", "retry this identical call",
                "refused, and is recorded");
        ApprovalRequest filed = store.find(held.approvalId());
        assertThat(filed.requester().user()).isEqualTo("robin");
        assertThat(filed.context().frames()).isNotEmpty().noneMatch(f -> f.startsWith("dev.airlock.engine.")
                || f.startsWith("dev.airlock.gate.") || f.startsWith("java."));
        assertThat(filed.context().recentCalls()).anySatisfy(c -> assertThat(c).contains("dynamodb:ListTables",
                "PROCEED"));

        store.vote(held.approvalId(), Vote.approve("ana"), signer);
        assertThat(deleteTable(engine, "orders").proceeds()).isTrue();
        CallAnswer again = deleteTable(engine, "orders");
        assertThat(again.proceeds()).isFalse();
        assertThat(store.find(held.approvalId()).state()).isEqualTo(ApprovalRequest.State.PENDING);
    }

    @Test
    void productionNeedsTwoApproversAndAStatementMayAskForMore() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.ENVIRONMENT, "prod"));
        String id = deleteTable(engine, "orders").approvalId();
        assertThat(store.find(id).required()).isEqualTo(2);
        store.vote(id, Vote.approve("ana"), signer);
        assertThat(deleteTable(engine, "orders").outcome()).isEqualTo(CallAnswer.HOLD);
        store.vote(id, Vote.approve("ben"), signer);
        assertThat(deleteTable(engine, "orders").proceeds()).isTrue();
    }

    @Test
    void aStatementsApprovalsSetHowManyApproversItNeeds() throws Exception {
        Engine engine = Engine.builder(AirlockConfig.of(Map.of())).requester(ROBIN)
                .approvals(ApprovalDesk.onStore(store, serviceKey.getPublic()))
                .policy(dev.airlock.policy.Policy.parse("""
                        Version: "2026-11-01"
                        Statement:
                          - Sid: ThreeForTables
                            Effect: RequireApproval
                            Action: "dynamodb:DeleteTable"
                            Approvals: 3
                        """, "p.yaml")).build();
        CallAnswer held = deleteTable(engine, "orders");
        assertThat(store.find(held.approvalId()).required()).isEqualTo(3);
        assertThat(held.message()).contains("requires human approval, by 3 distinct approvers", "ThreeForTables");
    }

    @Test
    void approvalsBelongOnlyToRequireApprovalStatements() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.airlock.policy.Policy.parse("""
                Version: "2026-11-01"
                Statement:
                  - Sid: AllowIt
                    Effect: Allow
                    Action: "s3:*"
                    Approvals: 2
                """, "p.yaml")).hasMessageContaining("Approvals belongs only to RequireApproval");
    }

    @Test
    void aDenyEndsTheRequestAndTheToolIsTold() throws Exception {
        Engine engine = engine(Map.of());
        String id = deleteTable(engine, "orders").approvalId();
        store.vote(id, Vote.deny("ana", "the table still serves checkout"), signer);
        CallAnswer denied = deleteTable(engine, "orders");
        assertThat(denied.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(denied.message()).contains("denied by ana", "the table still serves checkout");
    }

    @Test
    void aGrantSignedWithAnotherKeyIsRefused() throws Exception {
        Engine engine = engine(Map.of());
        String id = deleteTable(engine, "orders").approvalId();
        GrantSigner forger = new GrantSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(),
                Duration.ofMinutes(15), 1);
        store.vote(id, Vote.approve("ana"), forger);
        CallAnswer answer = deleteTable(engine, "orders");
        assertThat(answer.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(answer.message()).contains("signature does not verify");
    }

    @Test
    void aGrantForAnotherCallIsRefused() throws Exception {
        Engine engine = engine(Map.of());
        String a = deleteTable(engine, "table-a").approvalId();
        String b = deleteTable(engine, "table-b").approvalId();
        Grant grantForA = store.vote(a, Vote.approve("ana"), signer).grant();
        ApprovalRequest requestB = store.find(b);
        store.replace(requestB, requestB.with(ApprovalRequest.State.APPROVED, List.of("ana"), null, null, 1)
                .withGrant(grantForA));
        CallAnswer answer = deleteTable(engine, "table-b");
        assertThat(answer.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(answer.message()).contains("approves another call");
    }

    @Test
    void anExpiredGrantIsRefused() throws Exception {
        Engine engine = engine(Map.of());
        String id = deleteTable(engine, "orders").approvalId();
        GrantSigner shortLived = new GrantSigner(serviceKey.getPrivate(), Duration.ofMillis(1), 1);
        ApprovalRequest approved = store.vote(id, Vote.approve("ana"), shortLived);
        Thread.sleep(20);

        CallAnswer answer = deleteTable(engine, "orders");

        assertThat(answer.proceeds()).isFalse();
        assertThat(answer.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(ApprovalDesk.onStore(store, serviceKey.getPublic()).verifier().refusal(approved.grant(), id,
                approved.fingerprint(), 1, approved.requester(), System.currentTimeMillis())).contains("expired");
    }

    @Test
    void aGrantIsNotUsedTwiceEvenIfTheStoreForgetsItWasUsed() throws Exception {
        Engine engine = engine(Map.of());
        String id = deleteTable(engine, "orders").approvalId();
        ApprovalRequest approved = store.vote(id, Vote.approve("ana"), signer);
        assertThat(deleteTable(engine, "orders").proceeds()).isTrue();
        ApprovalRequest used = store.find(id);
        store.replace(used, approved.atVersion(used.version() + 1));

        CallAnswer second = deleteTable(engine, "orders");

        assertThat(second.outcome()).isEqualTo(CallAnswer.DENY);
        assertThat(second.message()).contains("already used");
    }

    @Test
    void waitModeBlocksTheCallerUntilApprovedThenProceeds() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.APPROVAL_MODE, "wait", AirlockConfig.APPROVAL_TIMEOUT, "30s"));
        CompletableFuture<CallAnswer> call = CompletableFuture.supplyAsync(() -> deleteTable(engine, "orders"));
        String id = null;
        for (int i = 0; i < 100 && id == null; i++) {
            Thread.sleep(50);
            id = store.pending().isEmpty() ? null : store.pending().get(0).id();
        }
        assertThat(call).isNotDone();
        store.vote(id, Vote.approve("ana"), signer);
        assertThat(call.get(20, TimeUnit.SECONDS).proceeds()).isTrue();
    }

    @Test
    void waitModeEndsWithAClearMessageAtItsTimeout() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.APPROVAL_MODE, "wait", AirlockConfig.APPROVAL_TIMEOUT, "1s"));
        CallAnswer answer = deleteTable(engine, "orders");
        assertThat(answer.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(answer.message()).contains("approval.timeout", "not decided");
    }

    @Test
    void waitModeNeverWaitsOnAnSdkPoolThread() throws Exception {
        Engine engine = engine(Map.of(AirlockConfig.APPROVAL_MODE, "wait", AirlockConfig.APPROVAL_TIMEOUT, "5m"));
        CompletableFuture<CallAnswer> answer = new CompletableFuture<>();
        Thread sdkThread = new Thread(() -> answer.complete(deleteTable(engine, "orders")), "sdk-async-response-0-1");
        sdkThread.start();
        CallAnswer a = answer.get(20, TimeUnit.SECONDS);
        assertThat(a.outcome()).isEqualTo(CallAnswer.HOLD);
        assertThat(a.message()).contains("does not wait");
    }
}

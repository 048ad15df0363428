package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.approval.ApprovalDesk;
import dev.airlock.approval.ApprovalException;
import dev.airlock.approval.ApprovalRequest;
import dev.airlock.approval.ApprovalStore;
import dev.airlock.approval.GrantSigner;
import dev.airlock.approval.Vote;
import dev.airlock.call.Call;
import dev.airlock.call.Requester;
import dev.airlock.config.AirlockConfig;
import dev.airlock.gate.BudgetStore;
import dev.airlock.gate.KillSwitch;
import dev.airlock.gate.Verdict;
import dev.airlock.plan.Plan;
import dev.airlock.policy.Policy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An engine assembled from in-memory parts, with no file and no network: a held call is approved by a human and
 * then, and only then, the identical call proceeds, once.
 */
class EngineFromPartsTest {

    private static final String POLICY = """
            Version: "2026-11-01"
            Statement:
              - Sid: TablesNeedApproval
                Effect: RequireApproval
                Action: "dynamodb:DeleteTable"
            """;

    private final ApprovalStore approvals = ApprovalStore.inMemory();
    /** The approval service's key: it signs grants; the engine holds only the public half. */
    private final KeyPair serviceKey = ed25519();
    private final GrantSigner signer = new GrantSigner(serviceKey.getPrivate(), Duration.ofMinutes(15), 1);
    private final KillSwitch killSwitch = KillSwitch.local();
    private final Engine engine = Engine.builder(config())
            .policy(policy())
            .approvals(ApprovalDesk.onStore(approvals, serviceKey.getPublic()))
            .budgets(BudgetStore.local())
            .killSwitch(killSwitch)
            .prober(call -> new Plan("would delete table " + call.resources().get(0) + " and its 42 items",
                    call.resources(), Map.of("items", 42L)))
            .requester(new Requester("dev-alice", "laptop", 4242, "coding-assistant", null))
            .build();

    @Test
    void heldThenApprovedThenTheIdenticalCallProceedsOnce() throws ApprovalException {
        Verdict first = engine.decide(deleteTable("orders"));
        assertThat(first.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(first.approvalId()).startsWith("apr-");
        assertThat(first.plan().measures()).containsEntry("items", 42L);
        ApprovalRequest filed = approvals.find(first.approvalId());
        assertThat(filed.state()).isEqualTo(ApprovalRequest.State.PENDING);
        assertThat(filed.summary()).contains("42 items");
        assertThat(filed.requester().user()).isEqualTo("dev-alice");

        assertThat(engine.decide(deleteTable("orders")).outcome()).as("still waiting").isEqualTo(Verdict.Outcome.HOLD);
        approvals.vote(first.approvalId(), Vote.approve("bob"), signer);

        assertThat(engine.decide(deleteTable("orders")).proceeds()).isTrue();
        Verdict again = engine.decide(deleteTable("orders"));
        assertThat(again.outcome()).as("an approval is used once").isEqualTo(Verdict.Outcome.HOLD);
    }

    @Test
    void anApprovalForOneTableNeverLetsAnotherGo() throws ApprovalException {
        Verdict orders = engine.decide(deleteTable("orders"));
        approvals.vote(orders.approvalId(), Vote.approve("bob"), signer);

        Verdict customers = engine.decide(deleteTable("customers"));

        assertThat(customers.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(customers.approvalId()).isNotEqualTo(orders.approvalId());
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        Verdict held = engine.decide(deleteTable("orders"));

        assertThatThrownBy(() -> approvals.vote(held.approvalId(), Vote.approve("dev-alice"), signer))
                .isInstanceOf(ApprovalException.class).hasMessageContaining("own request");
        assertThat(engine.decide(deleteTable("orders")).outcome()).isEqualTo(Verdict.Outcome.HOLD);
    }

    @Test
    void aDenyEndsTheRequestAndTheToolIsTold() throws ApprovalException {
        Verdict held = engine.decide(deleteTable("orders"));
        approvals.vote(held.approvalId(), Vote.deny("bob", "orders is still in use"), signer);

        Verdict after = engine.decide(deleteTable("orders"));

        assertThat(after.outcome()).isEqualTo(Verdict.Outcome.DENY);
        assertThat(after.messageFor(deleteTable("orders"))).contains("denied by bob", "orders is still in use");
    }

    @Test
    void anOpenKillSwitchDeniesEvenAnApprovedCall() throws ApprovalException {
        Verdict held = engine.decide(deleteTable("orders"));
        approvals.vote(held.approvalId(), Vote.approve("bob"), signer);
        killSwitch.trip("delete-and-recreate of table orders", "test");

        Verdict verdict = engine.decide(deleteTable("orders"));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.DENY);
        assertThat(verdict.reason()).contains("kill switch is open");
        killSwitch.reset("a human");
        assertThat(engine.decide(deleteTable("orders")).proceeds()).as("the approval was not spent").isTrue();
    }

    private Call deleteTable(String table) {
        return engine.sdkCalls().toCall("sdk", "DynamoDb", "dynamodb", "DeleteTable", "eu-west-1", null,
                Map.of("TableName", table), null);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static AirlockConfig config() {
        try {
            return AirlockConfig.of(Map.of(AirlockConfig.ACCOUNT, "123456789012"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Policy policy() {
        try {
            return Policy.parse(POLICY, "test policy");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package dev.airlock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import dev.airlock.plan.Prober;
import dev.airlock.policy.Budget;
import dev.airlock.policy.Effect;
import dev.airlock.policy.PolicyDecision;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateBudgetGateTest {

    private static final Budget THREE_PER_MINUTE = new Budget("Three", 3, 0, false);

    private static CallContext context() {
        Call call = Call.builder().service("s3").operation("DeleteObject").actions(List.of("s3:DeleteObject"))
                .classification(Classification.DESTRUCTIVE).resources(List.of("arn:aws:s3:::b/k"))
                .requester(new Requester("alice", "h", 1, "t", null)).build();
        return new CallContext(call, new PolicyDecision(Effect.ALLOW, "Three", "p.yaml:1", List.of(THREE_PER_MINUTE)),
                Prober.requestOnly());
    }

    /** Refuses the first {@code refusals} takes, then grants. */
    private static BudgetStore refusing(int refusals, AtomicInteger takes) {
        return (id, windows, units) -> takes.incrementAndGet() <= refusals ? windows.get(0) : null;
    }

    @Test
    void inWaitModeACallOverBudgetWaitsForItToRefillAndThenProceeds() {
        AtomicInteger takes = new AtomicInteger();
        RateBudgetGate gate = new RateBudgetGate(refusing(3, takes), Duration.ofSeconds(20));

        assertThat(gate.check(context())).isNull();
        assertThat(takes).hasValue(4);
    }

    @Test
    void inWaitModeACallThatStillFindsNoRoomIsHeldWhenTheWaitIsOver() {
        AtomicInteger takes = new AtomicInteger();
        RateBudgetGate gate = new RateBudgetGate(refusing(Integer.MAX_VALUE, takes), Duration.ofMillis(400));

        Verdict v = gate.check(context());

        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(v.reason()).contains("destruction budget Three is spent", "waited");
        assertThat(takes.get()).isGreaterThan(1);
    }

    @Test
    void withoutWaitACallOverBudgetIsHeldAtOnce() {
        AtomicInteger takes = new AtomicInteger();
        Verdict v = new RateBudgetGate(refusing(1, takes)).check(context());

        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(v.nextStep()).contains("do not split the work");
        assertThat(takes).hasValue(1);
    }

    @Test
    void aStoreThatFailsDeniesTheCall() {
        BudgetStore broken = (id, windows, units) -> {
            throw new IllegalStateException("table airlock-budgets not found");
        };

        Verdict v = new RateBudgetGate(broken).check(context());

        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.DENY);
        assertThat(v.reason()).contains("could not be counted", "table airlock-budgets not found");
    }
}

package dev.airlock.gate;

import dev.airlock.policy.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Destruction budgets from {@code RateLimit} statements: at most N calls, or N resources, per minute and per
 * hour. A call that would overdraw a budget is held; nothing waits. The counts live in the budget store: this
 * JVM's by default, a shared table org-wide.
 */
public final class RateBudgetGate implements Gate {

    private final BudgetStore store;

    public RateBudgetGate(BudgetStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "rate-budget";
    }

    @Override
    public Verdict check(CallContext context) {
        for (Budget budget : context.decision().budgets()) {
            long units = budget.countResources() ? context.call().resources().size() : 1;
            List<BudgetStore.Window> windows = new ArrayList<>(2);
            if (budget.perMinute() > 0) {
                windows.add(new BudgetStore.Window(Duration.ofMinutes(1), budget.perMinute()));
            }
            if (budget.perHour() > 0) {
                windows.add(new BudgetStore.Window(Duration.ofHours(1), budget.perHour()));
            }
            BudgetStore.Window refused = store.take(budget.id(), windows, units);
            if (refused != null) {
                String unit = budget.countResources() ? "resources" : "calls";
                String per = refused.period().toHours() >= 1 ? "hour" : "minute";
                return Verdict.hold(name(), "destruction budget " + budget.id() + " is spent: this call counts "
                                + units + " against " + refused.limit() + " " + unit + " per " + per,
                        "wait for the budget to refill, or ask a human to raise it; do not split the work to "
                                + "get around it.", null, null);
            }
        }
        return null;
    }
}

package dev.airlock.gate;

import dev.airlock.policy.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Destruction budgets from {@code RateLimit} statements: at most N calls, or N resources destroyed, per minute
 * and per hour. Resources destroyed are what the plan found (the objects in a bucket, the items in a table), or
 * the resources the request names. A call that would overdraw a budget is held, or in wait mode waits for the
 * budget to refill up to a time, then is held. The counts live in the budget store: this JVM's by default, a
 * shared table org-wide.
 */
public final class RateBudgetGate implements Gate {

    private final BudgetStore store;
    private final Duration wait;

    /** A gate that holds a call over budget at once. */
    public RateBudgetGate(BudgetStore store) {
        this(store, Duration.ZERO);
    }

    /** @param wait how long a call over budget waits for the budget to refill; zero holds it at once */
    public RateBudgetGate(BudgetStore store, Duration wait) {
        this.store = store;
        this.wait = wait;
    }

    @Override
    public String name() {
        return "rate-budget";
    }

    @Override
    public Verdict check(CallContext context) {
        for (Budget budget : context.decision().budgets()) {
            long units = budget.countResources() ? context.plan().resourcesDestroyed() : 1;
            List<BudgetStore.Window> windows = windows(budget);
            BudgetStore.Window refused;
            try {
                refused = takeOrWait(budget.id(), windows, units);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused = windows.get(0);
            } catch (RuntimeException e) {
                return Verdict.deny(name(), "destruction budget " + budget.id() + " could not be counted ("
                        + e.getMessage() + "), and calls over a budget fail closed", "report this error to the "
                        + "human you work for; do not retry until it is fixed.");
            }
            if (refused != null) {
                String unit = budget.countResources() ? "resources" : "calls";
                String per = refused.period().toHours() >= 1 ? "hour" : "minute";
                String waited = wait.isZero() ? "" : " (waited " + wait.toSeconds() + " s for it to refill)";
                return Verdict.hold(name(), "destruction budget " + budget.id() + " is spent: this call counts "
                                + units + " " + unit + " against " + refused.limit() + " " + unit + " per " + per
                                + waited,
                        "wait for the budget to refill, or ask a human to raise it; do not split the work to "
                                + "get around it.", null, context.planIfKnown());
            }
        }
        return null;
    }

    private BudgetStore.Window takeOrWait(String id, List<BudgetStore.Window> windows, long units)
            throws InterruptedException {
        BudgetStore.Window refused = store.take(id, windows, units);
        if (refused == null || wait.isZero() || units > refused.limit()) {
            return refused;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 50;
        while (refused != null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return refused;
            }
            Thread.sleep(Math.min(pause, left));
            pause = Math.min(1000, pause * 2);
            refused = store.take(id, windows, units);
        }
        return null;
    }

    private static List<BudgetStore.Window> windows(Budget budget) {
        List<BudgetStore.Window> windows = new ArrayList<>(2);
        if (budget.perMinute() > 0) {
            windows.add(new BudgetStore.Window(Duration.ofMinutes(1), budget.perMinute()));
        }
        if (budget.perHour() > 0) {
            windows.add(new BudgetStore.Window(Duration.ofHours(1), budget.perHour()));
        }
        return windows;
    }
}

package dev.airlock.gate;

import java.time.Duration;
import java.util.List;

/**
 * Counts what destruction budgets have spent. One part of the engine ({@code Engine.builder().budgets(...)}):
 * local to the JVM by default, shared by every agent JVM in a DynamoDB table org-wide.
 */
public interface BudgetStore extends AutoCloseable {

    /** One window of a budget: at most {@code limit} units per {@code period}. */
    record Window(Duration period, long limit) {
    }

    /** Budgets counted in this JVM alone. */
    static BudgetStore local() {
        return new dev.airlock.gate.internal.LocalBudgetStore();
    }

    /**
     * Takes {@code units} from every window of budget {@code id}, or from none: a call another window refuses
     * spends nothing. Atomic for every user of the store.
     *
     * @return null when taken; otherwise the window that refused
     */
    Window take(String id, List<Window> windows, long units);

    @Override
    default void close() {
    }
}

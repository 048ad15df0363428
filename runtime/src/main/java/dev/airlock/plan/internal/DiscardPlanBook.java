package dev.airlock.plan.internal;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.plan.PlanBook;
import java.nio.file.Path;

/** Keeps nothing. */
public final class DiscardPlanBook implements PlanBook {

    public static final DiscardPlanBook INSTANCE = new DiscardPlanBook();

    @Override
    public void add(Call call, Plan plan, String reason) {
    }

    @Override
    public Path file() {
        return Path.of("(no plan file)");
    }

    @Override
    public void writeSummary() {
    }

    @Override
    public void close() {
    }
}

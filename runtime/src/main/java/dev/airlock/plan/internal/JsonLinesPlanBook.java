package dev.airlock.plan.internal;

import dev.airlock.plan.PlanBook;
import java.nio.file.Path;

/** PLACEHOLDER. */
public final class JsonLinesPlanBook {

    public static PlanBook open(Path dir) {
        return DiscardPlanBook.INSTANCE;
    }
}

package dev.airlock.plan;

import dev.airlock.call.Call;
import java.nio.file.Path;

/**
 * Where dry-run plans go: one JSON line per call not sent, in a file under {@code airlock.plan.dir}, and a
 * human-readable summary written when the process exits.
 */
public interface PlanBook extends AutoCloseable {

    /**
     * A book writing under {@code dir} (created if needed); the file name carries the time the book was first
     * used (its first plan, or the first ask for its file) and the pid.
     */
    static PlanBook inDirectory(Path dir) {
        return new dev.airlock.plan.internal.PlanBookOnFirstUse(dir);
    }

    /** A book that keeps nothing, for what-if questions such as {@code airlock explain}. */
    static PlanBook discard() {
        return dev.airlock.plan.internal.DiscardPlanBook.INSTANCE;
    }

    /** Records that this call was not sent, and what it would have done. Never throws. */
    void add(Call call, Plan plan, String reason);

    /** The JSON-lines file; the summary sits beside it with {@code .txt}. */
    Path file();

    /** Writes the human-readable summary of everything added so far; also done at close. */
    void writeSummary();

    @Override
    void close();
}

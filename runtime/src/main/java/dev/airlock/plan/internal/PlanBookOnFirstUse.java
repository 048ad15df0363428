package dev.airlock.plan.internal;

import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.plan.PlanBook;
import java.nio.file.Path;

/**
 * The plan book of a guarded JVM, opened when it is first needed: by the first call a dry run holds back, or
 * by whoever asks for its file. Every engine has one, yet most runs never write a plan; opening one names its
 * file from the local time, which loads the JDK's time-zone rules and date formatters, a cost every guarded
 * start would otherwise pay before the host's first AWS call.
 */
public final class PlanBookOnFirstUse implements PlanBook {

    private final Path dir;
    private PlanBook book;
    private boolean closed;

    public PlanBookOnFirstUse(Path dir) {
        this.dir = dir;
    }

    private PlanBook book() {
        if (book == null) {
            book = JsonLinesPlanBook.open(dir);
        }
        return book;
    }

    @Override
    public synchronized void add(Call call, Plan plan, String reason) {
        book().add(call, plan, reason);
    }

    @Override
    public synchronized Path file() {
        return book().file();
    }

    @Override
    public synchronized void writeSummary() {
        if (book != null) {
            book.writeSummary();
        }
    }

    /** A book never opened has nothing to close; one opened after close still records (as the plain book does). */
    @Override
    public synchronized void close() {
        if (book != null && !closed) {
            closed = true;
            book.close();
        }
    }
}

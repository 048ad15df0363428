package dev.airlock.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import dev.airlock.call.Requester;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every plan book promises: adding a plan never throws, whatever state the book is in; a book that keeps
 * plans keeps each one, with what it would have destroyed.
 */
public abstract class PlanBookContract {

    protected PlanBook book;

    protected abstract PlanBook open() throws Exception;

    /** What the book kept, as text, after its summary is written; null for a book that keeps nothing. */
    protected abstract String kept() throws Exception;

    @BeforeEach
    void openBook() throws Exception {
        book = open();
    }

    @AfterEach
    void closeBook() {
        book.close();
    }

    @Test
    void keepsEachPlanWithItsResources() throws Exception {
        Call call = deleteBucket("reports-2026");
        book.add(call, new Plan("s3:DeleteBucket would delete bucket reports-2026 and its 7 objects",
                call.resources(), java.util.Map.of("objects", 7L)), "dry-run mode");
        book.writeSummary();
        String kept = kept();
        if (kept != null) {
            assertThat(kept).contains("arn:aws:s3:::reports-2026", "7 objects");
        }
    }

    @Test
    void addingAfterCloseNeverThrowsAndClosingTwiceIsHarmless() {
        book.close();
        assertThatCode(() -> {
            book.add(deleteBucket("late"), Plan.fromRequest(deleteBucket("late")), "dry-run mode");
            book.writeSummary();
            book.close();
        }).doesNotThrowAnyException();
    }

    static Call deleteBucket(String bucket) {
        return Call.builder().service("s3").operation("DeleteBucket").actions(List.of("s3:DeleteBucket"))
                .classification(Classification.DESTRUCTIVE).resources(List.of("arn:aws:s3:::" + bucket))
                .requester(new Requester("alice", "host", 1, "tool", null)).build();
    }
}

package dev.airlock.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every audit log promises, the embedded file and any org-wide one alike: recording never throws or
 * blocks the caller, whatever state the log is in; a log that keeps records keeps every one, in order.
 */
public abstract class AuditLogContract {

    protected AuditLog log;

    /** A fresh, empty log. */
    protected abstract AuditLog open() throws Exception;

    /** The operations the log kept, in order, after a flush; null for a log that keeps nothing by design. */
    protected abstract List<String> keptOperations() throws Exception;

    @BeforeEach
    void openLog() throws Exception {
        log = open();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void keepsEveryRecordInOrder() throws Exception {
        for (int i = 0; i < 50; i++) {
            log.record(AuditFixtures.read("Get" + i));
        }
        log.flush();
        List<String> kept = keptOperations();
        if (kept != null) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("Get" + i);
            }
            assertThat(kept).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void concurrentRecordsAreAllKeptAndNeverThrow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        log.record(AuditFixtures.heldDelete(1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        log.flush();
        List<String> kept = keptOperations();
        if (kept != null) {
            assertThat(kept).hasSize(2000);
        }
    }

    @Test
    void recordingAfterCloseNeverThrowsAndClosingTwiceIsHarmless() {
        log.close();
        assertThatCode(() -> {
            log.record(AuditFixtures.read("GetObject"));
            log.flush();
            log.close();
        }).doesNotThrowAnyException();
    }
}

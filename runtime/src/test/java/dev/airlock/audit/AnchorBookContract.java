package dev.airlock.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every place a witness keeps its anchors must do. */
abstract class AnchorBookContract {

    static final String CHAIN = "host-a:/var/log/airlock/audit.jsonl";
    static final String OTHER = "host-b:/var/log/airlock/audit.jsonl";

    /** A fresh, empty book. */
    abstract AnchorBook book() throws Exception;

    static AuditAnchor.Anchor anchor(long seq) {
        return new AuditAnchor.Anchor(seq, "%064x".formatted(seq), 1_700_000_000_000L + seq, "sig-" + seq);
    }

    @Test
    void aChainNeverAnchoredHasNoAnchors() throws Exception {
        try (AnchorBook book = book()) {
            assertThat(book.anchors(CHAIN)).isEmpty();
        }
    }

    @Test
    void anchorsComeBackInTheOrderTheyWereSignedWithEveryField() throws Exception {
        try (AnchorBook book = book()) {
            book.append(CHAIN, anchor(3));
            book.append(CHAIN, anchor(9));
            book.append(CHAIN, anchor(9)); // a head sent twice is kept twice: nothing is ever dropped
            book.append(CHAIN, anchor(2)); // a chain that went back is kept too, for verify to judge

            assertThat(book.anchors(CHAIN)).containsExactly(anchor(3), anchor(9), anchor(9), anchor(2));
        }
    }

    @Test
    void chainsAreKeptApart() throws Exception {
        try (AnchorBook book = book()) {
            book.append(CHAIN, anchor(1));
            book.append(OTHER, anchor(7));

            assertThat(book.anchors(CHAIN)).containsExactly(anchor(1));
            assertThat(book.anchors(OTHER)).containsExactly(anchor(7));
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        try (AnchorBook book = book()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                long seq = i;
                done.add(pool.submit(() -> {
                    book.append(CHAIN, anchor(seq));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(book.anchors(CHAIN)).hasSize(200).doesNotHaveDuplicates();
        }
    }
}

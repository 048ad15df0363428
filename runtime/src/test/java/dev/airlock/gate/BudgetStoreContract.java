package dev.airlock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every budget store does, the local one and the shared one alike: takes from every window or from none,
 * never more than a window allows however many callers race, and refills when the window turns.
 */
public abstract class BudgetStoreContract {

    // Windows far longer than a test, so that no test straddles the turn of one (they are the clock's windows).
    private static final BudgetStore.Window FIVE = new BudgetStore.Window(Duration.ofDays(7), 5);
    private static final BudgetStore.Window THREE = new BudgetStore.Window(Duration.ofDays(14), 3);

    private BudgetStore store;
    private BudgetStore other;

    /** A fresh store. */
    protected abstract BudgetStore newStore() throws Exception;

    /** Another user of the same counts as {@code store} (another JVM's client of the same table); itself if none. */
    protected BudgetStore anotherUserOf(BudgetStore store) throws Exception {
        return store;
    }

    private BudgetStore store() throws Exception {
        if (store == null) {
            store = newStore();
        }
        return store;
    }

    private static String budget() {
        return "b-" + UUID.randomUUID();
    }

    @AfterEach
    void closeStores() {
        if (other != null && other != store) {
            other.close();
        }
        if (store != null) {
            store.close();
        }
        store = null;
        other = null;
    }

    @Test
    void takesUpToTheLimitThenRefusesWithTheWindowThatRefused() throws Exception {
        String id = budget();
        for (int i = 0; i < 5; i++) {
            assertThat(store().take(id, List.of(FIVE), 1)).as("take %d", i + 1).isNull();
        }
        assertThat(store().take(id, List.of(FIVE), 1)).isEqualTo(FIVE);
    }

    @Test
    void takesSeveralUnitsAtOnceAndRefusesMoreThanIsLeft() throws Exception {
        String id = budget();
        assertThat(store().take(id, List.of(FIVE), 4)).isNull();
        assertThat(store().take(id, List.of(FIVE), 2)).isEqualTo(FIVE);
        assertThat(store().take(id, List.of(FIVE), 1)).isNull();
    }

    @Test
    void aCallLargerThanTheWholeWindowIsRefused() throws Exception {
        assertThat(store().take(budget(), List.of(FIVE), 6)).isEqualTo(FIVE);
    }

    @Test
    void aWindowThatRefusesSpendsNothingFromTheOthers() throws Exception {
        String id = budget();
        assertThat(store().take(id, List.of(FIVE, THREE), 3)).isNull();
        // The hour has nothing left: the minute must keep the 2 it had.
        assertThat(store().take(id, List.of(FIVE, THREE), 1)).isEqualTo(THREE);
        assertThat(store().take(id, List.of(FIVE, THREE), 1)).isEqualTo(THREE);
        assertThat(store().take(id, List.of(FIVE), 2)).isNull();
        assertThat(store().take(id, List.of(FIVE), 1)).isEqualTo(FIVE);
    }

    @Test
    void budgetsAreCountedApart() throws Exception {
        String a = budget();
        String b = budget();
        assertThat(store().take(a, List.of(FIVE), 5)).isNull();
        assertThat(store().take(b, List.of(FIVE), 5)).isNull();
        assertThat(store().take(a, List.of(FIVE), 1)).isNotNull();
    }

    @Test
    void racingCallersNeverTakeMoreThanTheLimit() throws Exception {
        String id = budget();
        other = anotherUserOf(store());
        AtomicInteger taken = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            BudgetStore user = i % 2 == 0 ? store : other;
            threads.submit(() -> {
                // Long windows, so that the race never straddles the turn of a window.
                if (user.take(id, List.of(new BudgetStore.Window(Duration.ofDays(7), 5),
                        new BudgetStore.Window(Duration.ofDays(14), 50)), 1) == null) {
                    taken.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(taken).hasValue(5);
    }

    @Test
    void aSpentWindowRefillsWhenItTurns() throws Exception {
        String id = budget();
        BudgetStore.Window perTwoSeconds = new BudgetStore.Window(Duration.ofSeconds(2), 1);
        // A store may count in windows of the clock: start early in one, so that both takes fall in it.
        while (System.currentTimeMillis() % 2000 > 300) {
            Thread.sleep(20);
        }
        assertThat(store().take(id, List.of(perTwoSeconds), 1)).isNull();
        assertThat(store().take(id, List.of(perTwoSeconds), 1)).isEqualTo(perTwoSeconds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        BudgetStore.Window refused = perTwoSeconds;
        while (refused != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            refused = store().take(id, List.of(perTwoSeconds), 1);
        }
        assertThat(refused).as("refilled within two windows").isNull();
    }
}

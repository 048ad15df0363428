package dev.airlock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every kill switch does: closed until tripped, open with the reason and who tripped it, closed again only
 * by a reset, each change told to its listeners; and a switch that shares its flag with others (the machine's
 * file, the org-wide table) reaches them too.
 */
public abstract class KillSwitchContract {

    private final List<KillSwitch> opened = new CopyOnWriteArrayList<>();

    /** A fresh switch, closed. */
    protected abstract KillSwitch newSwitch() throws Exception;

    /**
     * Another switch sharing {@code first}'s flag (another JVM on the same machine or table), or null when this
     * kind of switch is one JVM's alone.
     */
    protected abstract KillSwitch sharingWith(KillSwitch first) throws Exception;

    protected KillSwitch open(KillSwitch s) {
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeAll() {
        for (KillSwitch s : opened) {
            try {
                s.reset("test clean-up");
            } catch (RuntimeException e) {
                // a switch that cannot reset must still be closed
            }
            s.close();
        }
    }

    @Test
    void closedUntilTrippedThenOpenWithTheReasonAndWhoTrippedIt() throws Exception {
        KillSwitch s = open(newSwitch());
        assertThat(s.openReason()).isNull();

        s.trip("delete-and-recreate of arn:aws:s3:::demo", "airlock (automatic)");

        assertThat(s.openReason()).contains("delete-and-recreate of arn:aws:s3:::demo", "airlock (automatic)");
    }

    @Test
    void staysOpenUntilAReset() throws Exception {
        KillSwitch s = open(newSwitch());
        s.trip("halted", "alice");
        s.trip("halted again", "bob");
        assertThat(s.openReason()).isNotNull();

        s.reset("alice");

        assertThat(s.openReason()).isNull();
    }

    @Test
    void tellsItsListenersOfEveryTripAndReset() throws Exception {
        KillSwitch s = open(newSwitch());
        List<String> heard = new CopyOnWriteArrayList<>();
        s.listen((isOpen, reason, by) -> heard.add((isOpen ? "TRIP " : "RESET ") + by));

        s.trip("a burst", "airlock (automatic)");
        s.reset("alice");

        assertThat(heard).containsSubsequence("TRIP airlock (automatic)", "RESET alice");
    }

    @Test
    void aTripAndAResetReachTheSwitchesThatShareItsFlag() throws Exception {
        KillSwitch first = open(newSwitch());
        KillSwitch second = sharingWith(first);
        if (second == null) {
            return;
        }
        open(second);
        List<String> heard = new CopyOnWriteArrayList<>();
        second.listen((isOpen, reason, by) -> heard.add(isOpen ? "TRIP" : "RESET"));

        first.trip("airlock halt", "alice@host");
        awaitTrue(() -> second.openReason() != null);
        assertThat(second.openReason()).contains("airlock halt", "alice@host");

        first.reset("alice@host");
        awaitTrue(() -> second.openReason() == null);
        awaitTrue(() -> heard.equals(List.of("TRIP", "RESET")));
    }

    @Test
    void aSwitchStartedWhileTheFlagIsUpStartsOpen() throws Exception {
        KillSwitch first = open(newSwitch());
        first.trip("halted before the JVM started", "alice");
        KillSwitch later = sharingWith(first);
        if (later == null) {
            return;
        }
        open(later);
        awaitTrue(() -> later.openReason() != null);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within 10 s");
            }
            Thread.sleep(20);
        }
    }
}

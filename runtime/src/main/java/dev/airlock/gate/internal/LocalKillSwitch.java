package dev.airlock.gate.internal;

import dev.airlock.gate.KillSwitch;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kill switch of one JVM: a Resilience4j circuit breaker, made on the first trip, that only a trip forces open
 * and only a reset closes. With a flag file, the machine's switch: a trip raises the flag, a reset lowers it, and a daemon thread
 * looks at the file's attributes a few times a second (never on a call's path) so that an {@code airlock halt}
 * or {@code resume}, or a trip in another JVM, reaches this one.
 */
public final class LocalKillSwitch implements KillSwitch {

    /** How often the flag file is looked at. */
    static final long WATCH_MILLIS = 200;

    /** Made on the first trip, so that a JVM whose switch never trips never loads it. */
    private volatile CircuitBreaker breaker;
    private final Path flag;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watcher;
    private volatile String reason;
    private Object lastSeen;

    /** @param flag the machine's flag file, or null for a switch of this JVM alone */
    public LocalKillSwitch(Path flag) {
        this.flag = flag;
        if (flag == null) {
            watcher = null;
            return;
        }
        lastSeen = stamp();
        FlagFile.Flag raised = FlagFile.read(flag);
        if (raised != null) {
            open(raised.text());
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "airlock-kill-switch-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::look, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String openReason() {
        CircuitBreaker b = breaker;
        return b != null && b.getState() == CircuitBreaker.State.FORCED_OPEN ? reason : null;
    }

    @Override
    public void trip(String why, String by) {
        synchronized (this) {
            if (flag != null) {
                try {
                    FlagFile.raise(flag, why, by);
                } catch (IOException e) {
                    System.err.println("[airlock] WARN: the kill switch tripped in this JVM, but its flag " + flag
                            + " could not be written (" + e + "): other JVMs on this machine do not see it");
                }
                lastSeen = stamp();
            }
            open(why + " (tripped by " + by + ")");
        }
        listeners.forEach(l -> l.changed(true, why, by));
    }

    @Override
    public void reset(String by) {
        synchronized (this) {
            if (flag != null) {
                try {
                    FlagFile.lower(flag);
                } catch (IOException e) {
                    throw new IllegalStateException("the kill switch flag " + flag + " could not be removed: " + e,
                            e);
                }
                lastSeen = stamp();
            }
            closeBreaker();
        }
        listeners.forEach(l -> l.changed(false, "reset", by));
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private synchronized void open(String why) {
        if (breaker == null) {
            breaker = CircuitBreaker.ofDefaults("airlock-kill-switch");
        }
        reason = why;
        breaker.transitionToForcedOpenState();
    }

    private synchronized void closeBreaker() {
        if (breaker != null) {
            breaker.transitionToClosedState();
        }
        reason = null;
    }

    /** The flag's attributes, or a marker of its absence: cheap, and changes whenever the flag is written. */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(flag, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "absent";
        }
    }

    private void look() {
        try {
            boolean opened;
            String why;
            String by;
            synchronized (this) {
                Object now = stamp();
                if (Objects.equals(now, lastSeen)) {
                    return;
                }
                lastSeen = now;
                FlagFile.Flag raised = FlagFile.read(flag);
                if (raised != null) {
                    open(raised.text());
                    opened = true;
                    why = raised.reason();
                    by = raised.by();
                } else if (openReason() != null) {
                    closeBreaker();
                    opened = false;
                    why = "reset";
                    by = "airlock resume";
                } else {
                    return;
                }
            }
            listeners.forEach(l -> l.changed(opened, why, by));
        } catch (RuntimeException e) {
            // A watch that fails once tries again at the next look; the switch keeps its last state.
        }
    }
}

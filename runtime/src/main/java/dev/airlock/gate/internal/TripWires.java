package dev.airlock.gate.internal;

import dev.airlock.call.Call;
import dev.airlock.call.Classification;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What no human does on purpose at machine speed, seen in the calls that are about to proceed: a resource
 * deleted and then created again within a while, and destructive calls in a burst above a threshold. Kept in
 * this JVM; bounded in memory.
 */
public final class TripWires {

    /** Deletions remembered for delete-and-recreate; the oldest are forgotten first. */
    static final int REMEMBERED_DELETIONS = 10_000;

    private final long burstCalls;
    private final long burstNanos;
    private final long recreateNanos;
    private final LongSupplier clock;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final Map<String, Long> deleted = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_DELETIONS;
        }
    };

    /**
     * @param burstCalls more destructive calls than this within {@code burstWithin} trip the switch
     * @param recreateWithin a resource created again within this time of its deletion trips the switch
     */
    public TripWires(long burstCalls, Duration burstWithin, Duration recreateWithin) {
        this(burstCalls, burstWithin, recreateWithin, System::nanoTime);
    }

    TripWires(long burstCalls, Duration burstWithin, Duration recreateWithin, LongSupplier clock) {
        this.burstCalls = burstCalls;
        this.burstNanos = burstWithin.toNanos();
        this.recreateNanos = recreateWithin.toNanos();
        this.clock = clock;
    }

    /** Sees a call about to proceed; returns why the switch must trip, or null. */
    public synchronized String observe(Call call) {
        long now = clock.getAsLong();
        if (call.classification() == Classification.DESTRUCTIVE) {
            recent.addLast(now);
            while (!recent.isEmpty() && now - recent.peekFirst() > burstNanos) {
                recent.removeFirst();
            }
            if (call.operation().startsWith("Delete")) {
                for (String r : call.resources()) {
                    if (!r.equals("*")) {
                        deleted.put(r, now);
                    }
                }
            }
            if (recent.size() > burstCalls) {
                recent.clear();
                return "a burst of destruction: more than " + burstCalls + " destructive calls within "
                        + text(Duration.ofNanos(burstNanos)) + " (the last " + call.action() + ")";
            }
            return null;
        }
        if (call.operation().startsWith("Create")) {
            for (String r : call.resources()) {
                Long at = deleted.get(r);
                if (at != null && now - at <= recreateNanos) {
                    deleted.remove(r);
                    return "delete-and-recreate: " + r + " was deleted " + text(Duration.ofNanos(now - at))
                            + " ago and " + call.action() + " creates it again";
                }
            }
        }
        return null;
    }

    private static String text(Duration d) {
        if (d.toMinutes() >= 2) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() >= 1000 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

package dev.airlock.process.internal.shim;

import dev.airlock.gate.Verdict;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Calls the process hook already let through, so that the shim of the same call in the child does not ask the
 * engine a second time: an approval is single-use, and the child must not need a second one for the command a
 * human approved. Each pass is used once, within {@link #TTL_NANOS}.
 */
public final class PassedCalls {

    static final long TTL_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int MAX = 10_000;

    private record Pass(long expiresAt, Verdict verdict) {
    }

    private final Map<String, Deque<Pass>> byFingerprint = new HashMap<>();
    private int size;

    public synchronized void remember(String fingerprint, Verdict verdict) {
        long now = System.nanoTime();
        if (size >= MAX) {
            expire(now);
            if (size >= MAX) {
                return;
            }
        }
        byFingerprint.computeIfAbsent(fingerprint, k -> new ArrayDeque<>()).addLast(new Pass(now + TTL_NANOS, verdict));
        size++;
    }

    /** The verdict the hook gave this call, used up; or null when there is no pass left for it. */
    public synchronized Verdict take(String fingerprint) {
        Deque<Pass> passes = byFingerprint.get(fingerprint);
        long now = System.nanoTime();
        while (passes != null && !passes.isEmpty()) {
            Pass p = passes.pollFirst();
            size--;
            if (p.expiresAt() - now > 0) {
                if (passes.isEmpty()) {
                    byFingerprint.remove(fingerprint);
                }
                return p.verdict();
            }
        }
        byFingerprint.remove(fingerprint);
        return null;
    }

    private void expire(long now) {
        for (Iterator<Deque<Pass>> it = byFingerprint.values().iterator(); it.hasNext(); ) {
            Deque<Pass> d = it.next();
            while (!d.isEmpty() && d.peekFirst().expiresAt() - now <= 0) {
                d.pollFirst();
                size--;
            }
            if (d.isEmpty()) {
                it.remove();
            }
        }
    }
}

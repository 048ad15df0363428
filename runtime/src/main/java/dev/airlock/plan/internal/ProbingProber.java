package dev.airlock.plan.internal;

import dev.airlock.bridge.CallGuard;
import dev.airlock.bridge.OwnCalls;
import dev.airlock.call.Call;
import dev.airlock.plan.Plan;
import dev.airlock.plan.Prober;
import dev.airlock.plan.internal.probes.ServiceProbes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works out blast radius with read-only probes through the calling client ({@code call.probes()}). Each probe runs
 * on a daemon thread of Airlock's own (never an SDK pool thread the host's async calls need), marked as the
 * guard's own so the hooks neither ask about nor audit its reads, bounded in time and in pages. Whatever goes
 * wrong, the call gets a plan that says what could not be known, and is still decided.
 */
public final class ProbingProber implements Prober {

    private final CallGuard guard;
    private final Duration timeout;
    private final int maxPages;
    private final ThreadPoolExecutor pool;

    public ProbingProber(CallGuard guard, Duration timeout, int maxPages) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxPages = maxPages;
        // Up to four probes at once, each on its own thread (a pool of core size 0 would run them one by one);
        // the threads end after a while without probes.
        this.pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                daemonThreads());
        this.pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public Plan plan(Call call) {
        Probe probe = ServiceProbes.forOperation(call.service(), call.operation());
        if (probe == null) {
            return Plan.fromRequest(call);
        }
        if (call.probes() == null) {
            return Plan.fromRequest(call, "not probed: this hook offers no way to the calling client");
        }
        Findings found = new Findings();
        ProbeReads reads = new ProbeReads(call.probes(), maxPages);
        Future<Object> running;
        try {
            running = pool.submit(() -> OwnCalls.run(guard, () -> {
                probe.run(call, reads, found);
                return null;
            }));
        } catch (RejectedExecutionException e) {
            return found.note("not probed: too many probes at once").plan(call);
        }
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            found.note("probe timed out after " + seconds(timeout) + "; what it found before is shown");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            found.note("probe failed: " + shortly(cause));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            found.note("probe interrupted");
        } catch (RuntimeException e) {
            found.note("probe failed: " + shortly(e));
        }
        return found.plan(call);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static String shortly(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "airlock-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

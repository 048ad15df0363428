package dev.airlock.gate.internal;

import dev.airlock.gate.BudgetStore;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budgets in this JVM: a Resilience4j rate limiter per budget and window. All windows of one budget are checked
 * and taken under that budget's lock, so a call one window refuses takes nothing from the others.
 */
public final class LocalBudgetStore implements BudgetStore {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    @Override
    public Window take(String id, List<Window> windows, long units) {
        List<RateLimiter> chosen = new ArrayList<>(windows.size());
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            for (Window w : windows) {
                if (units > w.limit()) {
                    return w;
                }
                RateLimiter limiter = limiter(id, w);
                if (limiter.getMetrics().getAvailablePermissions() < units) {
                    return w;
                }
                chosen.add(limiter);
            }
            for (int i = 0; i < chosen.size(); i++) {
                if (!chosen.get(i).acquirePermission((int) units)) {
                    return windows.get(i); // cannot happen under the lock: permits only refill meanwhile
                }
            }
            return null;
        }
    }

    private RateLimiter limiter(String id, Window w) {
        String key = id + "/" + w.period().toMillis() + "/" + w.limit();
        return limiters.computeIfAbsent(key, k -> RateLimiter.of(k, RateLimiterConfig.custom()
                .limitForPeriod((int) Math.min(Integer.MAX_VALUE, w.limit()))
                .limitRefreshPeriod(w.period())
                .timeoutDuration(Duration.ZERO)
                .build()));
    }
}

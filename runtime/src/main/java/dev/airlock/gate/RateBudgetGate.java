package dev.airlock.gate;

import dev.airlock.call.Call;
import dev.airlock.policy.Budget;
import dev.airlock.policy.PolicyDecision;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Destruction budgets from {@code RateLimit} statements: at most N calls, or N resources, per minute and per
 * hour. A call that would overdraw a budget is held; nothing waits. Local to this process (Resilience4j);
 * the org-wide form keeps the same budgets in DynamoDB.
 */
public final class RateBudgetGate implements Gate {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "rate-budget";
    }

    @Override
    public Verdict check(Call call, PolicyDecision decision) {
        for (Budget budget : decision.budgets()) {
            int units = budget.countResources() ? call.resources().size() : 1;
            String overdrawn = take(budget, units);
            if (overdrawn != null) {
                return Verdict.hold(name(), "destruction budget " + budget.id() + " is spent: " + overdrawn,
                        "wait for the budget to refill, or ask a human to raise it; do not split the work to "
                                + "get around it.", null, null);
            }
        }
        return null;
    }

    private String take(Budget budget, int units) {
        String unit = budget.countResources() ? "resources" : "calls";
        if (budget.perMinute() > 0
                && !acquire(budget.id() + "/minute", budget.perMinute(), Duration.ofMinutes(1), units)) {
            return "this call counts " + units + " against " + budget.perMinute() + " " + unit + " per minute";
        }
        if (budget.perHour() > 0 && !acquire(budget.id() + "/hour", budget.perHour(), Duration.ofHours(1), units)) {
            return "this call counts " + units + " against " + budget.perHour() + " " + unit + " per hour";
        }
        return null;
    }

    private boolean acquire(String key, long limit, Duration period, int units) {
        if (units > limit) {
            return false;
        }
        RateLimiter limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of(k, RateLimiterConfig.custom()
                .limitForPeriod((int) Math.min(Integer.MAX_VALUE, limit))
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build()));
        return limiter.acquirePermission(units);
    }
}

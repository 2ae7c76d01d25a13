package io.livecomplaints.support.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j RateLimiter per caller, never waiting; the least recently seen callers are forgotten beyond a
 * bound, so a flood of new keys cannot exhaust memory.
 */
final class CallerRateLimiters {

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters;

    CallerRateLimiters(ApiLimitsProperties.RateLimit limit) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        int maxKeys = limit.maxTrackedKeys();
        this.limiters = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** 0 if the caller may go on, else the whole seconds until its next permission (at least 1). */
    long acquire(String key) {
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of("api:" + k, config));
        }
        if (limiter.acquirePermission()) {
            return 0;
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : config.getLimitRefreshPeriod().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}

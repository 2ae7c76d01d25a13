package io.livecomplaints.intake.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.livecomplaints.intake.ratelimit.model.RetryAfter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resilience4j RateLimiter per key (user, IP address or system), never waiting for a permission; the least
 * recently used keys are forgotten beyond a bound, so a flood of new keys cannot exhaust memory.
 */
final class KeyedRateLimiters {

    private final String what;
    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters;

    KeyedRateLimiters(String what, RateLimitProperties.Limit limit, int maxKeys) {
        this.what = what;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one permission for the key, or throws {@link RateLimitedException} with the time until the next one. */
    void acquire(String key) {
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of(what + ":" + k, config));
        }
        if (!limiter.acquirePermission()) {
            long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                    : config.getLimitRefreshPeriod().toNanos();
            throw new RateLimitedException(what, RetryAfter.seconds(Duration.ofNanos(nanos)));
        }
    }
}

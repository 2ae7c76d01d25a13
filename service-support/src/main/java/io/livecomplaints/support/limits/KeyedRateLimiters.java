package io.livecomplaints.support.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One resilience4j RateLimiter per key (caller, user, IP address, system), never waiting for a permission; the least
 * recently used keys are forgotten beyond a bound, so a flood of new keys cannot exhaust memory. Shared by the API
 * limits filter of every service and intake's own stricter limits.
 */
public final class KeyedRateLimiters {

    private final String name;
    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters;

    public KeyedRateLimiters(String name, int limitForPeriod, Duration period, int maxKeys) {
        this.name = name;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limitForPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** What the limiters count, e.g. "for this user" (also their names' prefix). */
    public String name() {
        return name;
    }

    /** Takes one permission for the key: empty if granted, else the time until the key's next permission. */
    public Optional<Duration> acquire(String key) {
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of(name + ":" + k, config));
        }
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : config.getLimitRefreshPeriod().toNanos();
        return Optional.of(Duration.ofNanos(nanos));
    }
}

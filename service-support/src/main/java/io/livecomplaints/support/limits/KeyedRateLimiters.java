package io.livecomplaints.support.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per key (caller, user, IP address, system), never waiting for a permission: {@code limit}
 * at once, refilled smoothly at {@code limit} per {@code period}. The least recently used keys are forgotten beyond a
 * bound, so a flood of new keys cannot exhaust memory (a forgotten key starts full again). Shared by the API limits
 * filter of every service and intake's own stricter limits.
 */
public final class KeyedRateLimiters {

    private final String name;
    private final int limit;
    private final Duration period;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets;

    public KeyedRateLimiters(String name, int limitForPeriod, Duration period, int maxKeys) {
        this(name, limitForPeriod, period, maxKeys, System::nanoTime);
    }

    KeyedRateLimiters(String name, int limitForPeriod, Duration period, int maxKeys, LongSupplier nanoTime) {
        this.name = name;
        this.limit = limitForPeriod;
        this.period = period;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** What the limiters count, e.g. "for this user". */
    public String name() {
        return name;
    }

    /** Takes one permission for the key: empty if granted, else the time until the key's next permission. */
    public Optional<Duration> acquire(String key) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit, period, nanoTime));
        }
        return Optional.ofNullable(bucket.take());
    }
}

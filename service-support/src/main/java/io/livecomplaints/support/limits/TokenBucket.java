package io.livecomplaints.support.limits;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled continuously at {@code capacity} per
 * {@code period}. Unlike a fixed window (which lets a full window's worth through at the end of one window and again
 * at the start of the next, twice the limit within moments), it never admits more than capacity plus what has been
 * refilled since: 10 per minute means at most 10 at once and then one every 6 s.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, Duration period, LongSupplier nanoTime) {
        if (capacity <= 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one token: null if granted, else how long until one is there. */
    synchronized Duration take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return null;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}

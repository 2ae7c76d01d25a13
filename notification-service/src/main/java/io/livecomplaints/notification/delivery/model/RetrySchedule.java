package io.livecomplaints.notification.delivery.model;

import java.time.Duration;

/**
 * Rule (durable retry): a message whose provider failed waits and is tried again with exponential backoff
 * (initial × multiplier^(n-1), capped), so a provider that is down gets everything once it is back; a message is
 * given up (FAILED, to notifications-dlt) only after {@code maxAttempts} sends or {@code giveUpAfter} since it was
 * created, whichever comes first.
 */
public record RetrySchedule(Duration initial, double multiplier, Duration max, int maxAttempts, Duration giveUpAfter) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs initial > 0, multiplier >= 1, max >= initial, maxAttempts >= 1");
        }
    }

    /** The wait after the given number of failed attempts (1 = after the first failure). */
    public Duration backoff(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    public boolean givesUp(int attempts, long createdAtMillis, long nowMillis) {
        return attempts >= maxAttempts || nowMillis - createdAtMillis >= giveUpAfter.toMillis();
    }
}

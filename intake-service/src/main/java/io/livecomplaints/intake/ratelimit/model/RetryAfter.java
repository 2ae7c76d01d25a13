package io.livecomplaints.intake.ratelimit.model;

import java.time.Duration;

/** A refused caller is told to come back in whole seconds, never 0 (a Retry-After of 0 invites a hot loop). */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}

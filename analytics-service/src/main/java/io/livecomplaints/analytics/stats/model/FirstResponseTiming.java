package io.livecomplaints.analytics.stats.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A complaint's first-response time (from receipt to the first answer of an agent or the system, in seconds) is
 * sampled once, at the moment of that answer, the first time a case version or an outcome shows it.
 */
public final class FirstResponseTiming {

    private FirstResponseTiming() {
    }

    public static List<Observation> observe(ComplaintProfile profile, Instant receivedAt, Instant firstRespondedAt) {
        if (firstRespondedAt == null || receivedAt == null || !profile.markFirstResponded()) {
            return List.of();
        }
        long seconds = Math.max(0, Duration.between(receivedAt, firstRespondedAt).toSeconds());
        return profile.attributes().observe(Metric.FIRST_RESPONSE, firstRespondedAt, seconds);
    }
}

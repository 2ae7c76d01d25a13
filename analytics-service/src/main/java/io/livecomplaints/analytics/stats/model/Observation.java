package io.livecomplaints.analytics.stats.model;

import java.time.Instant;

/**
 * One contribution to one statistic at a moment: 1 for a counted event, an amount (fen), or a sample (seconds,
 * a score) for a sampled metric.
 */
public record Observation(StatKey key, Instant at, long value) {

    public static Observation count(StatKey key, Instant at) {
        return new Observation(key, at, 1);
    }
}

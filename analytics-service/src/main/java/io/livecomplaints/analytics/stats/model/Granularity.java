package io.livecomplaints.analytics.stats.model;

import java.time.Duration;
import java.time.Instant;

/** The tumbling windows statistics are kept in, besides the all-time totals. */
public enum Granularity {
    MINUTE("1m", Duration.ofMinutes(1)),
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", Duration.ofDays(1));

    private final String id;
    private final Duration size;

    Granularity(String id, Duration size) {
        this.id = id;
        this.size = size;
    }

    public String id() {
        return id;
    }

    public Duration size() {
        return size;
    }

    /** Start of the window (UTC-aligned, as Kafka Streams aligns tumbling windows to the epoch) containing the instant. */
    public Instant windowStart(Instant at) {
        long millis = size.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    public static Granularity fromId(String id) {
        for (Granularity granularity : values()) {
            if (granularity.id.equals(id) || granularity.name().equalsIgnoreCase(id)) {
                return granularity;
            }
        }
        throw new IllegalArgumentException("unknown window '" + id + "' (1m, 1h or 1d)");
    }
}

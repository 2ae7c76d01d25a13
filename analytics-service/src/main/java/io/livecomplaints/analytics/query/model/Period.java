package io.livecomplaints.analytics.query.model;

import java.time.Duration;
import java.time.Instant;

/** The half-open time range [from, to) statistics are asked for, or all time (both null). */
public record Period(Instant from, Instant to) {

    public Period {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("give both from and to, or neither");
        }
        if (from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static Period allTime() {
        return new Period(null, null);
    }

    public boolean isAllTime() {
        return from == null;
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        return new Period(from.minus(length()), from);
    }
}

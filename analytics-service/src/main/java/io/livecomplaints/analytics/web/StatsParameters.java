package io.livecomplaints.analytics.web;

import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Granularity;
import java.time.Instant;
import java.util.Set;

/** Turns query parameters into a period, a dimension or a window size, or a 400 naming the parameter. */
public final class StatsParameters {

    private StatsParameters() {
    }

    public static Period period(Instant from, Instant to) {
        if ((from == null) != (to == null)) {
            throw new BadParameterException(from == null ? "from" : "to", "give both from and to (ISO-8601 instants), or neither for all time");
        }
        if (from != null && !from.isBefore(to)) {
            throw new BadParameterException("to", "to must be after from");
        }
        return new Period(from, to);
    }

    public static Dimension dimension(String by, Set<Dimension> allowed) {
        try {
            Dimension dimension = Dimension.fromId(by);
            if (allowed.contains(dimension)) {
                return dimension;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the answer naming what is allowed
        }
        throw new BadParameterException("by", "'" + by + "' is not one of " + allowed.stream().map(Dimension::id).sorted().toList());
    }

    public static Granularity window(String window) {
        try {
            return Granularity.fromId(window);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("window", "window must be total, 1m, 1h or 1d");
        }
    }
}

package io.livecomplaints.analytics.query.model;

import io.livecomplaints.analytics.stats.model.Granularity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which windows answer a period: the coarsest window size whose windows fit the period's bounds exactly and are
 * still kept back to its start; if none fits exactly, the finest size still kept back to its start, with the bounds
 * rounded outward to whole windows. A period older than every retention cannot be answered.
 */
public final class WindowChoice {

    /** The window size and the period rounded to its windows. */
    public record Plan(Granularity granularity, Instant from, Instant to) {
    }

    private static final List<Granularity> COARSEST_FIRST = List.of(Granularity.DAY, Granularity.HOUR, Granularity.MINUTE);
    private static final List<Granularity> FINEST_FIRST = List.of(Granularity.MINUTE, Granularity.HOUR, Granularity.DAY);

    private WindowChoice() {
    }

    public static Plan plan(Period period, Map<Granularity, java.time.Duration> retention, Instant now) {
        for (Granularity granularity : COARSEST_FIRST) {
            if (kept(granularity, period, retention, now) && aligned(granularity, period.from()) && aligned(granularity, period.to())) {
                return new Plan(granularity, period.from(), period.to());
            }
        }
        for (Granularity granularity : FINEST_FIRST) {
            if (kept(granularity, period, retention, now)) {
                Instant from = granularity.windowStart(period.from());
                Instant to = aligned(granularity, period.to()) ? period.to() : granularity.windowStart(period.to()).plus(granularity.size());
                return new Plan(granularity, from, to);
            }
        }
        throw new IllegalArgumentException("from is older than the statistics kept (longest retention "
                + retention.get(Granularity.DAY) + ")");
    }

    private static boolean kept(Granularity granularity, Period period, Map<Granularity, java.time.Duration> retention, Instant now) {
        return !granularity.windowStart(period.from()).isBefore(now.minus(retention.get(granularity)));
    }

    private static boolean aligned(Granularity granularity, Instant at) {
        return granularity.windowStart(at).equals(at);
    }
}

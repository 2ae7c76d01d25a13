package io.livecomplaints.analytics.mix;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.web.StatsParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint volume and mix: counts per type, channel, severity, team, anchor, merchant, room, session, product and
 * CDN region, all-time, over a period, or as a series of 1 min / 1 h / 1 day windows; and complaint rates
 * (complaints per order) per merchant, anchor, product, room or session. Operators and systems only.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class MixController {

    static final Set<Dimension> BREAKDOWNS = EnumSet.of(Dimension.ALL, Dimension.TYPE, Dimension.CHANNEL, Dimension.SEVERITY,
            Dimension.TEAM, Dimension.ANCHOR, Dimension.MERCHANT, Dimension.ROOM, Dimension.SESSION, Dimension.PRODUCT,
            Dimension.REGION);
    static final Set<Dimension> RATE_BREAKDOWNS = EnumSet.of(Dimension.ANCHOR, Dimension.MERCHANT, Dimension.ROOM,
            Dimension.SESSION, Dimension.PRODUCT);
    /** Windows a series shows when no period is given. */
    static final int DEFAULT_WINDOWS = 60;

    /** Counts of one breakdown over a period (from/to null for all time). */
    record Counts(String by, Instant from, Instant to, Map<String, Long> counts) {
    }

    /** One window of a series. */
    record Bucket(Instant start, Instant end, Map<String, Long> counts) {
    }

    record Series(String by, String window, List<Bucket> buckets) {
    }

    record Rates(String by, Instant from, Instant to, List<ComplaintRate> rates) {
    }

    private final StatsQuery stats;

    MixController(StatsQuery stats) {
        this.stats = stats;
    }

    /** {@code GET /api/v1/stats/types}: all-time complaints per type. */
    @GetMapping("/api/v1/stats/types")
    Map<String, Long> byType() {
        return stats.counts(Metric.COMPLAINTS, Dimension.TYPE, Period.allTime());
    }

    /** {@code GET /api/v1/stats/complaints?by=merchant[&from=&to=]}: complaints per value of a breakdown. */
    @GetMapping(value = "/api/v1/stats/complaints", params = "!window")
    Counts complaints(@RequestParam(defaultValue = "type") String by,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Dimension dimension = StatsParameters.dimension(by, BREAKDOWNS);
        Period period = StatsParameters.period(from, to);
        return new Counts(dimension.id(), from, to, stats.counts(Metric.COMPLAINTS, dimension, period));
    }

    /** {@code GET /api/v1/stats/complaints?by=type&window=1h[&from=&to=]}: a series of windows (default: the last 60). */
    @GetMapping(value = "/api/v1/stats/complaints", params = "window")
    Object complaintSeries(@RequestParam(defaultValue = "type") String by, @RequestParam String window,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if ("total".equals(window)) {
            return complaints(by, from, to);
        }
        Dimension dimension = StatsParameters.dimension(by, BREAKDOWNS);
        Granularity granularity = StatsParameters.window(window);
        StatsParameters.period(from, to);
        Instant end = to != null ? to : granularity.windowStart(Instant.now()).plus(granularity.size());
        Instant start = from != null ? from : end.minus(granularity.size().multipliedBy(DEFAULT_WINDOWS));
        List<Bucket> buckets = new ArrayList<>();
        stats.series(Metric.COMPLAINTS, dimension, granularity, start, end).forEach((windowStart, tallies) -> {
            Map<String, Long> counts = new TreeMap<>();
            tallies.forEach((value, tally) -> counts.put(value, tally.count()));
            buckets.add(new Bucket(windowStart, windowStart.plus(granularity.size()), counts));
        });
        return new Series(dimension.id(), granularity.id(), buckets);
    }

    /** {@code GET /api/v1/stats/rates?by=merchant[&from=&to=]}: complaints per order, highest first. */
    @GetMapping("/api/v1/stats/rates")
    Rates rates(@RequestParam(defaultValue = "merchant") String by,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Dimension dimension = StatsParameters.dimension(by, RATE_BREAKDOWNS);
        Period period = StatsParameters.period(from, to);
        return new Rates(dimension.id(), from, to, ComplaintRate.rank(stats.counts(Metric.COMPLAINTS, dimension, period),
                stats.counts(Metric.ORDERS, dimension, period)));
    }
}

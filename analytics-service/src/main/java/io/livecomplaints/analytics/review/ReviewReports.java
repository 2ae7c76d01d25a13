package io.livecomplaints.analytics.review;

import io.livecomplaints.analytics.query.StatsQuery;
import io.livecomplaints.analytics.query.model.Period;
import io.livecomplaints.analytics.review.model.BreachRateRises;
import io.livecomplaints.analytics.review.model.RecurringOffenders;
import io.livecomplaints.analytics.review.model.ReviewReport;
import io.livecomplaints.analytics.review.model.TechnicalHotspots;
import io.livecomplaints.analytics.stats.AnalyticsProperties;
import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Granularity;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.events.ComplaintType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Gathers the figures of a period and its predecessor from the statistics and composes the review report. */
@Service
class ReviewReports {

    private final StatsQuery stats;
    private final AnalyticsProperties.Review settings;

    ReviewReports(StatsQuery stats, AnalyticsProperties properties) {
        this.stats = stats;
        this.settings = properties.review();
    }

    ReviewReport review(Period period) {
        Period previous = period.previous();
        int top = settings.top();
        int min = settings.minComplaints();
        Map<Instant, Long> technicalPerHour = new LinkedHashMap<>();
        Instant hourFrom = Granularity.HOUR.windowStart(period.from());
        stats.series(Metric.COMPLAINTS, Dimension.TYPE, Granularity.HOUR, hourFrom, period.to()).forEach((start, tallies) ->
                technicalPerHour.put(start, tallies.getOrDefault(ComplaintType.STREAM_QUALITY.name(), new Tally()).count()));
        return ReviewReport.of(period.from(), period.to(),
                stats.overall(Metric.COMPLAINTS, period).count(), stats.overall(Metric.COMPLAINTS, previous).count(),
                RecurringOffenders.rank(stats.counts(Metric.COMPLAINTS, Dimension.MERCHANT, period),
                        stats.counts(Metric.ORDERS, Dimension.MERCHANT, period), min, top),
                RecurringOffenders.rank(stats.counts(Metric.COMPLAINTS, Dimension.ANCHOR, period),
                        stats.counts(Metric.ORDERS, Dimension.ANCHOR, period), min, top),
                RecurringOffenders.rank(stats.counts(Metric.COMPLAINTS, Dimension.PRODUCT, period),
                        stats.counts(Metric.ORDERS, Dimension.PRODUCT, period), min, top),
                TechnicalHotspots.timeSlots(technicalPerHour, settings.zone(), top),
                TechnicalHotspots.regions(stats.counts(Metric.COMPLAINTS, Dimension.REGION, period), top),
                BreachRateRises.find(stats.counts(Metric.COMPLAINTS, Dimension.TYPE, period),
                        stats.counts(Metric.BREACHED_COMPLAINTS, Dimension.TYPE, period),
                        stats.counts(Metric.COMPLAINTS, Dimension.TYPE, previous),
                        stats.counts(Metric.BREACHED_COMPLAINTS, Dimension.TYPE, previous), settings.minBreachRateRise()));
    }
}

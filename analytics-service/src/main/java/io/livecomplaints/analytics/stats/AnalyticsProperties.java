package io.livecomplaints.analytics.stats;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.analytics.*}: how long statistics are kept, how late events may arrive, what is exported to Prometheus and what the review report calls a recurring problem.
 *
 * @param grace          how late (by event time) an event may arrive and still count in its window; totals always count it
 * @param retention      how long windows are kept, per window size
 * @param profileRetention how long a complaint's de-duplication profile is kept after its last event
 * @param orderRetention how long an order id is remembered to count each order once
 * @param purgeInterval  how often expired profiles and order ids are purged (wall-clock)
 * @param metrics        Prometheus export
 * @param review         review report thresholds
 */
@ConfigurationProperties("complaints.analytics")
public record AnalyticsProperties(Duration grace, Retention retention, Duration profileRetention, Duration orderRetention,
                                  Duration purgeInterval, Metrics metrics, Review review) {

    public record Retention(Duration minute, Duration hour, Duration day) {
    }

    /**
     * @param refresh how often the exported figures are re-read from the local stores
     * @param topN    how many merchants, anchors, products, rooms and regions are exported by name (bounded cardinality)
     */
    public record Metrics(Duration refresh, int topN) {
    }

    /**
     * @param top            how many entries each list of the report names
     * @param minComplaints  a merchant/anchor/product needs at least this many complaints in the period to be ranked by rate
     * @param minBreachRateRise by how much (absolute, 0..1) a type's breach rate must rise over the previous period to be named
     * @param zone           time zone of the report's time slots (hours of the day)
     */
    public record Review(int top, int minComplaints, double minBreachRateRise, ZoneId zone) {
    }
}

package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.Granularity;

/** Names of analytics' state stores (RocksDB, changelogged to Kafka, queryable). */
public final class StatsStores {

    /** all-time tallies per statistic key */
    public static final String TOTAL = "stats-total";
    /** per complaint: attributes and what was counted already */
    public static final String PROFILES = "complaint-profiles";
    /** order ids already counted, with when they were placed */
    public static final String ORDERS_SEEN = "orders-seen";
    /** latest QoS sample per live session (global): the CDN region of technical complaints */
    public static final String SESSION_QOS = "session-qos";

    private StatsStores() {
    }

    /** The windowed tallies of a window size: stats-1m, stats-1h, stats-1d. */
    public static String windowed(Granularity granularity) {
        return "stats-" + granularity.id();
    }
}

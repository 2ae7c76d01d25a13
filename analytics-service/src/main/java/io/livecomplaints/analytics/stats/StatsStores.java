package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.Granularity;
import java.util.Optional;

/**
 * Names of analytics' state stores (RocksDB, changelogged to Kafka, queryable). The tallies and profiles are JSON of
 * records ({@code StateSerdes}); their stores carry {@value #VERSION} since that encoding replaced the earlier binary
 * one, so a changelog written in the old bytes is never read as JSON (new changelog topics, rebuilt from the inputs).
 */
public final class StatsStores {

    /** the encoding generation of the tally and profile stores, part of their names */
    static final String VERSION = "v2";
    /** all-time tallies per statistic key */
    public static final String TOTAL = "stats-total-" + VERSION;
    /** per complaint: attributes and what was counted already */
    public static final String PROFILES = "complaint-profiles-" + VERSION;
    /** order ids already counted, with when they were placed */
    public static final String ORDERS_SEEN = "orders-seen";
    /** latest QoS sample per live session (global): the CDN region of technical complaints */
    public static final String SESSION_QOS = "session-qos";

    private StatsStores() {
    }

    /** The windowed tallies of a window size: stats-1m-v2, stats-1h-v2, stats-1d-v2. */
    public static String windowed(Granularity granularity) {
        return "stats-" + granularity.id() + "-" + VERSION;
    }

    /** The window size whose tallies a store holds; empty for the all-time store or a name that is no tally store. */
    public static Optional<Granularity> granularityOf(String store) {
        for (Granularity granularity : Granularity.values()) {
            if (windowed(granularity).equals(store)) {
                return Optional.of(granularity);
            }
        }
        return Optional.empty();
    }
}

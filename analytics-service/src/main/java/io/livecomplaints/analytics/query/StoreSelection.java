package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.StatsStores;
import io.livecomplaints.analytics.stats.model.Granularity;
import java.time.Instant;

/**
 * What to read: a store (all-time or the windows of one size), the keys with a prefix, and for windows the window
 * starts in [from, to).
 */
record StoreSelection(String store, String prefix, Instant from, Instant to) {

    static StoreSelection total(String prefix) {
        return new StoreSelection(StatsStores.TOTAL, prefix, null, null);
    }

    static StoreSelection windows(Granularity granularity, String prefix, Instant from, Instant to) {
        return new StoreSelection(StatsStores.windowed(granularity), prefix, from, to);
    }

    boolean windowed() {
        return !StatsStores.TOTAL.equals(store);
    }
}

package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.model.Tally;
import java.time.Instant;

/** One tally read from a store: its statistic key, its window's start (null for all-time) and the tally. */
record TallyEntry(String key, Instant windowStart, Tally tally) {
}

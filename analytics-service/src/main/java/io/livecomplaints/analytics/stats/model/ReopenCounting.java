package io.livecomplaints.analytics.stats.model;

import java.time.Instant;
import java.util.List;

/**
 * A complaint that was reopened (its case shows a reopen) counts once as reopened, the numerator of the reopen rate
 * (reopened complaints / decided complaints), at the moment the reopen is first seen.
 */
public final class ReopenCounting {

    private ReopenCounting() {
    }

    public static List<Observation> observe(ComplaintProfile profile, boolean reopened, Instant at) {
        if (!reopened || !profile.markReopened()) {
            return List.of();
        }
        return profile.attributes().observe(Metric.REOPENED, at, 1);
    }
}

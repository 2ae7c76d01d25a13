package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.ComplaintProfile;
import io.livecomplaints.analytics.stats.model.Tally;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of analytics' own state: tallies (with their HdrHistogram) and complaint profiles, in compact binary. */
public final class StatsSerdes {

    private StatsSerdes() {
    }

    public static Serde<Tally> tally() {
        return Serdes.serdeFrom((topic, tally) -> tally == null ? null : tally.toBytes(),
                (topic, bytes) -> bytes == null ? null : Tally.fromBytes(bytes));
    }

    public static Serde<ComplaintProfile> profile() {
        return Serdes.serdeFrom((topic, profile) -> profile == null ? null : profile.toBytes(),
                (topic, bytes) -> bytes == null ? null : ComplaintProfile.fromBytes(bytes));
    }
}

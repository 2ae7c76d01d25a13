package io.livecomplaints.analytics.remedies.model;

import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Tally;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remedies granted (count and money: refund + compensation, in fen), overall and per remedy, and each liable
 * party's share of the decisions (its decisions / all decisions).
 */
public record RemedySummary(Granted total, Map<String, Granted> byRemedy, Map<String, Share> liableParties) {

    public record Granted(long count, long amountFen) {
        static Granted of(Tally tally) {
            return new Granted(tally.count(), tally.sum());
        }
    }

    public record Share(long decisions, double share) {
    }

    public static RemedySummary of(Map<String, Tally> remediesOverall, Map<String, Tally> byRemedy, Map<String, Tally> byParty) {
        Map<String, Granted> remedies = new TreeMap<>();
        byRemedy.forEach((remedy, tally) -> remedies.put(remedy, Granted.of(tally)));
        long decisions = byParty.values().stream().mapToLong(Tally::count).sum();
        Map<String, Share> parties = new TreeMap<>();
        byParty.forEach((party, tally) -> parties.put(party, new Share(tally.count(), (double) tally.count() / decisions)));
        return new RemedySummary(Granted.of(remediesOverall.getOrDefault(Dimension.EVERYTHING, new Tally())), remedies, parties);
    }
}

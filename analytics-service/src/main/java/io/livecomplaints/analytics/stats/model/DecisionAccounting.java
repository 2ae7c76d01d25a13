package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decision adds: the complaint's first decision (resolved or rejected) samples its resolution time, from
 * receipt to decision in seconds, also by result; every decision counts its liable party; every decision that
 * grants a remedy (anything but REJECT) counts that remedy with its money (refund + compensation, in fen), overall,
 * by remedy and by complaint type.
 */
public final class DecisionAccounting {

    private DecisionAccounting() {
    }

    public static List<Observation> observe(ComplaintProfile profile, ComplaintOutcome outcome) {
        Instant at = outcome.getDecidedAt();
        RemedyDecision decision = outcome.getDecision();
        List<Observation> out = new ArrayList<>();
        if (profile.markDecided()) {
            long seconds = Math.max(0, Duration.between(outcome.getReceivedAt(), at).toSeconds());
            out.addAll(profile.attributes().observe(Metric.RESOLUTION, at, seconds));
            out.add(new Observation(StatKey.of(Metric.RESOLUTION, Dimension.RESULT, outcome.getOutcome().name()), at, seconds));
        }
        String party = decision.getLiableParty().name();
        out.add(Observation.count(StatKey.overall(Metric.LIABILITY), at));
        out.add(Observation.count(StatKey.of(Metric.LIABILITY, Dimension.LIABLE_PARTY, party), at));
        if (decision.getRemedy() != Remedy.REJECT) {
            long money = decision.getRefundFen() + decision.getCompensationFen();
            out.add(new Observation(StatKey.overall(Metric.REMEDIES), at, money));
            out.add(new Observation(StatKey.of(Metric.REMEDIES, Dimension.REMEDY, decision.getRemedy().name()), at, money));
            out.add(new Observation(StatKey.of(Metric.REMEDIES, Dimension.TYPE, profile.attributes().type()), at, money));
        }
        return out;
    }
}

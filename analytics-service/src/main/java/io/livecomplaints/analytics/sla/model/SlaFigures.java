package io.livecomplaints.analytics.sla.model;

import io.livecomplaints.analytics.stats.model.Tally;

/**
 * SLA figures of a group of complaints: the breach rate is breached complaints / complaints (null without
 * complaints); first-response and resolution times as count, median and p95 in seconds.
 */
public record SlaFigures(long complaints, long breachedComplaints, Double breachRate, long slaBreaches, long warnings,
                         long escalations, Durations firstResponse, Durations resolution) {

    /** Count, median and p95 (nearest rank) of a duration, in seconds; null figures without samples. */
    public record Durations(long count, Long medianSeconds, Long p95Seconds) {
        public static Durations of(Tally tally) {
            return new Durations(tally.count(), tally.median(), tally.p95());
        }
    }

    public static SlaFigures of(Tally complaints, Tally breached, Tally breaches, Tally warnings, Tally escalations,
                                Tally firstResponse, Tally resolution) {
        return new SlaFigures(complaints.count(), breached.count(), rate(breached.count(), complaints.count()),
                breaches.count(), warnings.count(), escalations.count(), Durations.of(firstResponse), Durations.of(resolution));
    }

    /** part / whole, or null when the whole is zero. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

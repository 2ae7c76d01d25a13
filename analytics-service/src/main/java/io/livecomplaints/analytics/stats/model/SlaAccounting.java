package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SLA events of the platform's clocks: a warning counts as a warning; a breach counts once per complaint and clock (overall, by attribute
 * and by clock), and the complaint's first breach of any clock counts it as a breached complaint, the numerator
 * of the breach rate (breached complaints / complaints); an escalation counts as an escalation. The merchant's answer
 * clock (MERCHANT_RESPONSE) is the merchant's lateness, not the platform's: its breach is a merchant timeout
 * ({@link MerchantAccounting}) and it counts in none of the platform's SLA figures.
 */
public final class SlaAccounting {

    private SlaAccounting() {
    }

    public static List<Observation> observe(ComplaintProfile profile, SlaEvent event) {
        Instant at = event.getFiredAt();
        if (event.getClock() == SlaClock.MERCHANT_RESPONSE) {
            return event.getKind() == SlaEventKind.BREACHED ? MerchantAccounting.timedOut(profile, at) : List.of();
        }
        Attributes attributes = profile.attributes();
        switch (event.getKind()) {
            case WARNING:
                return attributes.observe(Metric.SLA_WARNINGS, at, 1);
            case ESCALATED:
                return attributes.observe(Metric.ESCALATIONS, at, 1);
            case BREACHED:
                List<Observation> out = new ArrayList<>();
                if (profile.markBreached(event.getClock().name())) {
                    out.addAll(attributes.observe(Metric.SLA_BREACHES, at, 1));
                    out.add(Observation.count(StatKey.of(Metric.SLA_BREACHES, Dimension.CLOCK, event.getClock().name()), at));
                }
                if (profile.markBreachedComplaint()) {
                    out.addAll(attributes.observe(Metric.BREACHED_COMPLAINTS, at, 1));
                }
                return out;
            default:
                return List.of();
        }
    }
}

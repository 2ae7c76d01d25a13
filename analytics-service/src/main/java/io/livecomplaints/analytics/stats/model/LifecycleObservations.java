package io.livecomplaints.analytics.stats.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SurveyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one lifecycle event of a complaint into the observations it contributes, given what is known about the
 * complaint: an event delivered twice (same event id) contributes nothing the second time; attributes missing from
 * an event (SLA events, surveys) come from the complaint's profile.
 */
public final class LifecycleObservations {

    private LifecycleObservations() {
    }

    public static List<Observation> observe(ComplaintProfile profile, Envelope envelope, Object event,
                                            Function<String, String> regionOfSession) {
        if (envelope != null && !profile.firstDelivery(envelope.getEventId())) {
            return List.of();
        }
        if (envelope != null) {
            profile.seenAt(envelope.getOccurredAt());
        }
        if (event instanceof ComplaintTriaged triaged) {
            return ComplaintCounting.observe(profile, triaged, regionOfSession);
        }
        if (event instanceof ComplaintCase c) {
            profile.learn(new Attributes(c.getType().name(), c.getChannel().name(), c.getSeverity().name(), c.getTeam()),
                    c.getReceivedAt());
            profile.learnMerchant(c.getMerchantId());
            List<Observation> out = new ArrayList<>(FirstResponseTiming.observe(profile, c.getReceivedAt(), c.getFirstRespondedAt()));
            out.addAll(MerchantAccounting.requested(profile, c.getMerchantRequestedAt()));
            out.addAll(ReopenCounting.observe(profile, c.getState() == CaseState.REOPENED || c.getReopenCount() > 0,
                    c.getEnvelope().getOccurredAt()));
            out.addAll(CorrectionCounting.corrections(profile, c.getCorrections()));
            out.addAll(CorrectionCounting.withdrawal(profile, c.getWithdrawn(), c.getEnvelope().getOccurredAt()));
            return out;
        }
        if (event instanceof ComplaintOutcome o) {
            profile.learn(new Attributes(o.getType().name(), o.getChannel().name(), o.getSeverity().name(), o.getTeam()),
                    o.getReceivedAt());
            profile.learnMerchant(o.getMerchantId());
            List<Observation> out = new ArrayList<>(FirstResponseTiming.observe(profile, o.getReceivedAt(), o.getFirstRespondedAt()));
            out.addAll(DecisionAccounting.observe(profile, o));
            out.addAll(ReopenCounting.observe(profile, o.getReopenCount() > 0, o.getDecidedAt()));
            return out;
        }
        if (event instanceof SlaEvent sla) {
            profile.learn(new Attributes(name(sla.getType()), name(sla.getChannel()), name(sla.getSeverity()), sla.getTeam()), null);
            return SlaAccounting.observe(profile, sla);
        }
        if (event instanceof SurveyResponse survey) {
            return SatisfactionScoring.observe(profile, survey);
        }
        if (event instanceof NotificationReceipt receipt) {
            return List.of(Observation.count(StatKey.overall(Metric.NOTIFICATIONS), receipt.getEnvelope().getOccurredAt()),
                    Observation.count(StatKey.of(Metric.NOTIFICATIONS, Dimension.DELIVERY, receipt.getStatus().name()),
                            receipt.getEnvelope().getOccurredAt()));
        }
        return List.of();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

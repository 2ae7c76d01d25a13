package io.livecomplaints.notification.merchants.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.notification.messages.model.Message;
import io.livecomplaints.notification.messages.model.Notice;
import io.livecomplaints.notification.templates.model.Fragment;
import io.livecomplaints.notification.templates.model.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (商家通知): when an agent asks the merchant to answer, the merchant hears it at once — complaint id, the remedy
 * asked, its amounts and the deadline — and is reminded before the deadline (by default 24 h and 2 h before; a
 * reminder whose moment has passed is not sent, and one due after the merchant answered is suppressed by the
 * dispatcher); when the case is decided, the merchant hears the decision. The merchant's messages go to its inbox
 * ({@code merchant:<id>}) and the merchant platform's webhook; never the user's contact.
 */
public final class MerchantNoticeRule {

    /** Inbox owner (and receipt userId) of a merchant's messages. */
    public static final String RECIPIENT_PREFIX = "merchant:";
    /** Merchants are addressed in the platform's language. */
    static final String LANGUAGE = "zh-CN";
    static final String REQUEST_STEP = "REQUEST_MERCHANT_RESPONSE";
    /** Reminder source ids are the request's event id, this separator and the lead ({@code …/remind-PT2H}). */
    public static final String REMINDER_SEPARATOR = "/remind-";

    private MerchantNoticeRule() {
    }

    public static String recipient(String merchantId) {
        return RECIPIENT_PREFIX + merchantId;
    }

    /** The request and its reminders, if this (not yet told) case change asks the merchant. */
    public static List<Notice> request(ComplaintCase change, long lastToldVersion, List<Duration> reminderLeads, Instant now) {
        if (!asksMerchant(change) || change.getVersion() <= lastToldVersion) {
            return List.of();
        }
        Instant dueAt = change.getSlaClocks().stream()
                .filter(s -> s.getClock() == SlaClock.MERCHANT_RESPONSE && s.getMetAt() == null)
                .map(SlaClockStatus::getDueAt).reduce((a, b) -> b).orElse(null);
        if (dueAt == null) {
            return List.of();
        }
        RemedyDecision asked = change.getPendingDecision();
        String complaintId = change.getEnvelope().getComplaintId();
        Map<String, Object> values = Map.of("complaintId", complaintId, "remedy", asked.getRemedy().name(),
                "refund", new Money(asked.getRefundFen()), "compensation", new Money(asked.getCompensationFen()), "dueAt", dueAt);
        String eventId = change.getEnvelope().getEventId();
        List<Notice> notices = new ArrayList<>();
        notices.add(notice(eventId, change, Message.MERCHANT_REQUEST, values, Duration.ZERO));
        for (Duration lead : reminderLeads) {
            Instant at = dueAt.minus(lead);
            if (at.isAfter(now)) {
                notices.add(notice(eventId + REMINDER_SEPARATOR + lead, change, Message.MERCHANT_REMINDER, values,
                        Duration.between(now, at)));
            }
        }
        return notices;
    }

    /** Whether the change's latest step asks the merchant (the case now waits for it). */
    public static boolean asksMerchant(ComplaintCase change) {
        List<TimelineEntry> timeline = change.getTimeline();
        return change.getState() == CaseState.AWAITING_MERCHANT && change.getMerchantId() != null
                && change.getPendingDecision() != null && !timeline.isEmpty()
                && REQUEST_STEP.equals(timeline.get(timeline.size() - 1).getAction());
    }

    /** The decision, for a merchant that was asked about the case (or charged by it: auto-approval, 先行赔付). */
    public static Optional<Notice> decision(ComplaintOutcome outcome, boolean merchantWasAsked) {
        if (outcome.getMerchantId() == null || !(merchantWasAsked || outcome.getAutoApproved() || outcome.getPlatformAdvanced())) {
            return Optional.empty();
        }
        RemedyDecision d = outcome.getDecision();
        var envelope = outcome.getEnvelope();
        Map<String, Object> values = Map.of("complaintId", envelope.getComplaintId(), "remedy", d.getRemedy().name(),
                "refund", new Money(d.getRefundFen()), "compensation", new Money(d.getCompensationFen()),
                "how", new Fragment(Message.MERCHANT_HOW_PREFIX + (outcome.getAutoApproved() ? "AUTO_APPROVED"
                        : outcome.getPlatformAdvanced() ? "PLATFORM_ADVANCED" : "DECIDED"), Map.of()));
        return Optional.of(new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(),
                recipient(outcome.getMerchantId()), LANGUAGE, outcome.getType(), Message.MERCHANT_DECISION, values, Duration.ZERO));
    }

    private static Notice notice(String sourceEventId, ComplaintCase change, Message message, Map<String, Object> values,
                                 Duration delay) {
        return new Notice(sourceEventId, change.getEnvelope().getComplaintId(), change.getEnvelope().getTraceId(),
                recipient(change.getMerchantId()), LANGUAGE, change.getType(), message, values, delay);
    }
}

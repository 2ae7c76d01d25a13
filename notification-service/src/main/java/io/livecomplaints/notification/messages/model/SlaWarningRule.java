package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (不了了之 never): when a deadline is about to pass the user is told the case is still being worked on and by
 * when they will hear back, so a long investigation never goes silent. Breaches and escalations are internal; the
 * escalation reaches the user as a case change.
 */
public final class SlaWarningRule {

    private SlaWarningRule() {
    }

    public static Optional<Notice> warn(SlaEvent event) {
        if (event.getKind() != SlaEventKind.WARNING || event.getUserId() == null) {
            return Optional.empty();
        }
        var envelope = event.getEnvelope();
        return Optional.of(new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(), event.getUserId(),
                event.getLanguage(), event.getType(), Message.SLA_WARNING,
                Map.of("complaintId", envelope.getComplaintId(), "dueAt", event.getDueAt()), Duration.ZERO));
    }
}

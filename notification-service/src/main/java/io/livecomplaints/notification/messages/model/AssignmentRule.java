package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.notification.templates.model.Term;
import java.time.Duration;
import java.util.Map;

/**
 * Rule (分发): a triaged complaint tells the user which team handles it; a viewer-side stream problem that triage
 * answered automatically (autoReply with advice) gets the advice instead.
 */
public final class AssignmentRule {

    private AssignmentRule() {
    }

    public static Notice announce(ComplaintTriaged triaged) {
        var envelope = triaged.getEnvelope();
        var complaint = triaged.getComplaint();
        String complaintId = envelope.getComplaintId();
        String advice = triaged.getDiagnosis() == null ? null : triaged.getDiagnosis().getAdvice();
        boolean autoReply = triaged.getAutoReply() && advice != null && !advice.isBlank();
        Message message = autoReply ? Message.AUTO_REPLY : Message.ASSIGNED;
        Map<String, Object> values = autoReply
                ? Map.of("complaintId", complaintId, "advice", advice)
                : Map.of("complaintId", complaintId, "team", new Term(Message.TEAM_TERM_PREFIX + triaged.getTeam(), triaged.getTeam()));
        return new Notice(envelope.getEventId(), complaintId, envelope.getTraceId(), complaint.getUserId(),
                complaint.getLanguage(), triaged.getClassification().getPrimaryType(), message, values, Duration.ZERO);
    }
}

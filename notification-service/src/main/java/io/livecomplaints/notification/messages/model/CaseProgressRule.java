package io.livecomplaints.notification.messages.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule (进度告知): the user hears about every step of a case that concerns them (work started, merchant asked or
 * answered, approval pending, escalation — saying whether an agent escalated it or a deadline passed —, reopening, an
 * agent's progress note), and nothing about internal steps: an internal note between agents is never told.
 * Results are told from complaint-outcomes, not from here. A case version already seen is not told again; of the
 * steps one change adds, the latest that concerns the user is told.
 */
public final class CaseProgressRule {

    static final String PROGRESS_NOTE = "PROGRESS_NOTE";
    static final String SLA_BREACHED = "SLA_BREACHED";

    private CaseProgressRule() {
    }

    public static Optional<Notice> progress(ComplaintCase change, long lastToldVersion) {
        List<TimelineEntry> timeline = change.getTimeline();
        if (change.getVersion() <= lastToldVersion || timeline.isEmpty()) {
            return Optional.empty();
        }
        // one change may add several steps (all stamped with the change's time): tell the latest that concerns the user
        Instant changedAt = timeline.get(timeline.size() - 1).getAt();
        for (int i = timeline.size() - 1; i >= 0 && timeline.get(i).getAt().equals(changedAt); i--) {
            Optional<Notice> notice = told(change, timeline.get(i));
            if (notice.isPresent()) {
                return notice;
            }
        }
        return Optional.empty();
    }

    private static Optional<Notice> told(ComplaintCase change, TimelineEntry step) {
        String complaintId = change.getEnvelope().getComplaintId();
        if (step.getInternal()) {
            return Optional.empty();
        }
        if (step.getToState() == CaseState.ESCALATED && step.getFromState() != CaseState.ESCALATED && SLA_BREACHED.equals(step.getAction())) {
            return Optional.of(notice(change, Message.ESCALATED_OVERDUE, Map.of("complaintId", complaintId)));
        }
        if (PROGRESS_NOTE.equals(step.getAction()) && step.getNote() != null && !step.getNote().isBlank()) {
            return Optional.of(notice(change, Message.PROGRESS_NOTE, Map.of("complaintId", complaintId, "note", step.getNote().strip())));
        }
        if (step.getFromState() == step.getToState()) {
            return Optional.empty();
        }
        return messageFor(step.getFromState(), step.getToState())
                .map(message -> notice(change, message, Map.of("complaintId", complaintId)));
    }

    private static Optional<Message> messageFor(CaseState from, CaseState to) {
        switch (to) {
            case IN_PROGRESS:
                if (from == CaseState.AWAITING_MERCHANT) {
                    return Optional.of(Message.PROGRESS_MERCHANT_RESPONDED);
                }
                return from == CaseState.TRIAGED || from == CaseState.ASSIGNED || from == CaseState.RECEIVED
                        ? Optional.of(Message.PROGRESS_STARTED) : Optional.empty();
            case AWAITING_MERCHANT:
                return Optional.of(Message.PROGRESS_AWAITING_MERCHANT);
            case AWAITING_APPROVAL:
                return Optional.of(Message.PROGRESS_AWAITING_APPROVAL);
            case ESCALATED:
                return Optional.of(Message.ESCALATED);
            case REOPENED:
                return Optional.of(Message.REOPENED);
            default:
                return Optional.empty(); // opening (told by triage), results (told from outcomes), closing
        }
    }

    private static Notice notice(ComplaintCase change, Message message, Map<String, Object> values) {
        var envelope = change.getEnvelope();
        return new Notice(envelope.getEventId(), envelope.getComplaintId(), envelope.getTraceId(), change.getUserId(),
                change.getLanguage(), change.getType(), message, values, Duration.ZERO);
    }
}

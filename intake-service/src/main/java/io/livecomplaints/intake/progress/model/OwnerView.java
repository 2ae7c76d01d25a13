package io.livecomplaints.intake.progress.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * What the complainant sees of their complaint (进度告知): its state, the deadlines promised, the steps so far and,
 * once decided, the remedy with its basis. Before resolution-service opened a case the complaint is RECEIVED with the
 * promised first-response deadline. Agents' ids and internal notes are not part of the owner's view.
 */
public record OwnerView(String complaintId, String userId, CaseState state, String channel, Instant receivedAt,
                        Instant firstResponseDueAt, Instant firstRespondedAt, Instant planDueAt, Instant resolutionDueAt,
                        List<Step> timeline, Decision decision) {

    /** One step of the case's history, as the owner sees it. */
    public record Step(Instant at, String action, CaseState fromState, CaseState toState) {
    }

    /** The remedy granted (or the rejection) and the basis the user is told (处理依据). */
    public record Decision(String remedy, long refundFen, long compensationFen, String reason) {
    }

    public static OwnerView received(ComplaintReceived received) {
        return new OwnerView(received.getEnvelope().getComplaintId(), received.getUserId(), CaseState.RECEIVED,
                received.getChannel().name(), received.getReceivedAt(), received.getFirstResponseDueAt(), null, null, null,
                List.of(new Step(received.getReceivedAt(), "RECEIVED", null, CaseState.RECEIVED)), null);
    }

    public static OwnerView ofCase(String complaintId, ComplaintCase c) {
        List<Step> steps = c.getTimeline().stream().map(OwnerView::step).toList();
        return new OwnerView(complaintId, c.getUserId(), c.getState(), c.getChannel().name(), c.getReceivedAt(),
                c.getFirstResponseDueAt(), c.getFirstRespondedAt(), c.getPlanDueAt(), c.getResolutionDueAt(), steps,
                decision(c.getDecision()));
    }

    private static Step step(TimelineEntry entry) {
        return new Step(entry.getAt(), entry.getAction(), entry.getFromState(), entry.getToState());
    }

    private static Decision decision(RemedyDecision d) {
        return d == null ? null : new Decision(d.getRemedy().name(), d.getRefundFen(), d.getCompensationFen(), d.getReason());
    }
}

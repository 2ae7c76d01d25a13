package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Opens a case from a triaged complaint: ASSIGNED when triage named an agent, else TRIAGED (in the team queue). */
public final class CaseOpening {

    private CaseOpening() {
    }

    public static ComplaintCase open(ComplaintTriaged triaged, Envelope envelope, Instant now) {
        ComplaintReceived complaint = triaged.getComplaint();
        CaseState state = triaged.getAssignedAgentId() == null ? CaseState.TRIAGED : CaseState.ASSIGNED;
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(TimelineEntry.newBuilder().setAt(complaint.getReceivedAt()).setAction("RECEIVED")
                .setToState(CaseState.RECEIVED).setActorId(complaint.getUserId()).build());
        timeline.add(TimelineEntry.newBuilder().setAt(now).setAction("TRIAGED").setFromState(CaseState.RECEIVED)
                .setToState(state).setActorId("triage-service")
                .setNote(triaged.getClassification().getPrimaryType() + " / " + triaged.getSeverity() + " → " + triaged.getTeam())
                .build());
        return ComplaintCase.newBuilder()
                .setEnvelope(envelope)
                .setState(state)
                .setVersion(1)
                .setUserId(complaint.getUserId())
                .setChannel(complaint.getChannel())
                .setLanguage(complaint.getLanguage())
                .setType(triaged.getClassification().getPrimaryType())
                .setSecondaryTypes(triaged.getClassification().getSecondaryTypes())
                .setSeverity(triaged.getSeverity())
                .setPriority(triaged.getPriority())
                .setTeam(triaged.getTeam())
                .setAssigneeId(triaged.getAssignedAgentId())
                .setOrderId(complaint.getOrderId())
                .setMerchantId(complaint.getEnrichment().getMerchantId())
                .setAnchorId(complaint.getEnrichment().getAnchorId())
                .setRoomId(complaint.getRoomId() != null ? complaint.getRoomId() : complaint.getEnrichment().getRoomId())
                .setSessionId(complaint.getSessionId() != null ? complaint.getSessionId() : complaint.getEnrichment().getSessionId())
                .setSkuId(complaint.getEnrichment().getSkuId())
                .setAmountPaidFen(complaint.getEnrichment().getAmountPaidFen())
                .setClaimedAmountFen(complaint.getClaimedAmountFen())
                .setIncidentId(triaged.getIncident() == null ? null : triaged.getIncident().getIncidentId())
                .setReceivedAt(complaint.getReceivedAt())
                .setFirstResponseDueAt(complaint.getFirstResponseDueAt())
                .setEvidence(complaint.getEvidence())
                .setTimeline(timeline)
                .build();
    }
}

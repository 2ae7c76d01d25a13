package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.fastpath.model.AutoAnswerPolicy;
import io.livecomplaints.resolution.fastpath.model.DoubleRefundGuard;
import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a case from a triaged complaint: ASSIGNED when triage named an agent, else TRIAGED (waiting in the team
 * queue); starts its SLA clocks, asks to retain the live replay it refers to, and takes a fast path when the complaint
 * qualifies (then the case is resolved at once): 极速退款 unless the order was already paid back
 * ({@link DoubleRefundGuard}: then an agent decides, told why on the timeline), or the system's answer to a viewer-side
 * stream complaint that triage answered automatically ({@link AutoAnswerPolicy}).
 */
public final class CaseOpening {

    private CaseOpening() {
    }

    /** @param userRecord the complainant's credit record, or null if they have none yet */
    public static CaseChange open(ComplaintTriaged triaged, CreditRecord userRecord, CasePolicies policies, Instant now) {
        return open(triaged, userRecord, null, policies, now);
    }

    /**
     * @param userRecord   the complainant's credit record, or null if they have none yet
     * @param orderRefunds the refund record of the complaint's order ({@code ORDER:<orderId>}), or null if none
     */
    public static CaseChange open(ComplaintTriaged triaged, CreditRecord userRecord, CreditRecord orderRefunds,
                                  CasePolicies policies, Instant now) {
        ComplaintReceived complaint = triaged.getComplaint();
        CaseState state = triaged.getAssignedAgentId() == null ? CaseState.TRIAGED : CaseState.ASSIGNED;
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(TimelineEntry.newBuilder().setAt(complaint.getReceivedAt()).setAction("RECEIVED")
                .setToState(CaseState.RECEIVED).setActorId(complaint.getUserId()).build());
        ComplaintCase.Builder opened = ComplaintCase.newBuilder()
                .setEnvelope(Envelopes.following(triaged.getEnvelope(), Parties.RESOLUTION, now))
                .setState(CaseState.RECEIVED)
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
                .setEvidence(complaint.getEvidence().stream() // what came with the complaint is the complainant's
                        .map(e -> Evidence.newBuilder(e).setAddedBy(complaint.getUserId()).build())
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)))
                .setComplaint(CaseComplaints.of(triaged))
                .setRegulatorTicket(complaint.getRegulatorTicket())
                .setTimeline(timeline);
        ComplaintCase draft = opened.build();
        List<SlaClockStatus> clocks = policies.sla().openingClocks(draft);
        opened.setSlaClocks(new ArrayList<>(clocks))
                .setFirstResponseDueAt(SlaClocks.find(clocks, SlaClock.FIRST_RESPONSE).map(SlaClockStatus::getDueAt)
                        .orElse(complaint.getFirstResponseDueAt())) // capped by a regulator's deadline
                .setPlanDueAt(SlaClocks.find(clocks, SlaClock.HANDLING_PLAN).map(SlaClockStatus::getDueAt).orElse(null))
                .setResolutionDueAt(SlaClocks.find(clocks, SlaClock.RESOLUTION).map(SlaClockStatus::getDueAt).orElse(null));

        CaseChange change = CaseChange.opening(opened, triaged.getEnvelope(), now);
        change.step("TRIAGED", state, Parties.TRIAGE, triaged.getClassification().getPrimaryType() + " / "
                + triaged.getSeverity() + " / priority " + triaged.getPriority() + " → " + triaged.getTeam()
                + (triaged.getAssignedAgentId() == null ? "" : " → " + triaged.getAssignedAgentId()));
        change.retain(policies.replayRetention().forOpenedCase(draft, now, change.envelope()));

        Optional<RemedyDecision> express = policies.expressRefund().decide(triaged, userRecord);
        Optional<String> withheld = express.flatMap(e -> DoubleRefundGuard.withhold(complaint, orderRefunds));
        Optional<RemedyDecision> answered = AutoAnswerPolicy.decide(triaged);
        if (withheld.isPresent()) {
            change.note("EXPRESS_REFUND_WITHHELD", Parties.RESOLUTION, "极速退款 withheld: " + withheld.get());
        } else if (express.isPresent()) {
            answerNow(opened, change, now);
            CaseDecisions.conclude(change, OutcomeResult.RESOLVED, express.get(), Parties.RESOLUTION,
                    "EXPRESS_REFUND", "极速退款 " + express.get().getRefundFen() + " fen",
                    ExpressRefundPolicy.FAST_PATH, true, false);
        } else if (answered.isPresent()) {
            answerNow(opened, change, now); // the automatic reply was the first response
            CaseDecisions.conclude(change, OutcomeResult.RESOLVED, answered.get(), Parties.RESOLUTION,
                    "AUTO_ANSWER", "answered automatically: " + triaged.getDiagnosis().getVerdict() + " (rule "
                            + AutoAnswerPolicy.RULE_ID + ")", AutoAnswerPolicy.FAST_PATH, false, false);
        }
        return change;
    }

    /** The case is answered at opening: first response given, no plan owed. */
    private static void answerNow(ComplaintCase.Builder opened, CaseChange change, Instant now) {
        opened.setFirstRespondedAt(now);
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.FIRST_RESPONSE, now));
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.HANDLING_PLAN, now));
    }
}

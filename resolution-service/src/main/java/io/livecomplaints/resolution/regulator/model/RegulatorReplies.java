package io.livecomplaints.resolution.regulator.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RegulatorReply;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.events.RemedyDecision;
import java.util.Optional;

/**
 * The platform's reply to a regulator's ticket (regulator-replies): written with each outcome (RESOLVED or REJECTED)
 * of a case that carries a ticket, quoting the ticket, the decision and its basis, the amounts and the dates.
 */
public final class RegulatorReplies {

    private RegulatorReplies() {
    }

    /** The reply an outcome of {@code decided} owes the regulator; empty when the case carries no ticket. */
    public static Optional<RegulatorReply> of(ComplaintCase decided, ComplaintOutcome outcome) {
        RegulatorTicket ticket = decided.getRegulatorTicket();
        if (ticket == null || (outcome.getOutcome() != OutcomeResult.RESOLVED && outcome.getOutcome() != OutcomeResult.REJECTED)) {
            return Optional.empty();
        }
        RemedyDecision decision = outcome.getDecision();
        return Optional.of(RegulatorReply.newBuilder()
                .setEnvelope(outcome.getEnvelope())
                .setComplaintId(decided.getEnvelope().getComplaintId())
                .setTicketReference(ticket.getReference())
                .setAuthority(ticket.getAuthority())
                .setTicketDeadline(ticket.getDeadline())
                .setOutcome(outcome.getOutcome())
                .setRemedy(decision.getRemedy())
                .setRefundFen(decision.getRefundFen())
                .setCompensationFen(decision.getCompensationFen())
                .setReason(decision.getReason())
                .setRuleId(decision.getRuleId())
                .setReceivedAt(outcome.getReceivedAt())
                .setDecidedAt(outcome.getDecidedAt())
                .setDecidedBy(outcome.getDecidedBy())
                .build());
    }
}

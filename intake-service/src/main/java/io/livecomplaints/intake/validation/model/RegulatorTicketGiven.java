package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.RegulatorTicket;
import java.time.Clock;
import java.time.Instant;

/**
 * A complaint forwarded by a regulator (12315 platform, 消协) carries the regulator's ticket: its reference is
 * required (the reply quotes it), its deadline, when given, is an ISO-8601 instant not yet past (the case's deadlines
 * are capped at it), its authority is short text. Other channels carry no ticket.
 */
final class RegulatorTicketGiven implements ComplaintRule {

    static final int REFERENCE_MAX_CHARS = 64;
    static final int AUTHORITY_MAX_CHARS = 32;

    private final Clock clock;

    RegulatorTicketGiven(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        ComplaintDraft.RegulatorTicketDraft ticket = draft.regulatorTicket();
        boolean regulator = ChannelKnown.parse(draft.channel()) == Channel.REGULATOR;
        if (!regulator) {
            if (ticket != null) {
                violations.add("regulatorTicket", "only a REGULATOR complaint carries a regulator's ticket");
            }
            return;
        }
        if (ticket == null || ticket.reference() == null || ticket.reference().isBlank()) {
            violations.add("regulatorTicket.reference", "is required on a REGULATOR complaint: the regulator's ticket number (e.g. of 12315 or 消协)");
        } else if (ticket.reference().strip().length() > REFERENCE_MAX_CHARS) {
            violations.add("regulatorTicket.reference", "is longer than " + REFERENCE_MAX_CHARS + " characters");
        }
        if (ticket == null) {
            return;
        }
        if (ticket.deadline() != null) {
            Instant deadline = IncidentTimeReadable.parse(ticket.deadline());
            if (deadline == null) {
                violations.add("regulatorTicket.deadline", "must be an ISO-8601 instant such as 2026-12-11T09:00:00Z");
            } else if (!deadline.isAfter(clock.instant())) {
                violations.add("regulatorTicket.deadline", "lies in the past: the regulator's deadline must still be ahead");
            }
        }
        if (ticket.authority() != null && ticket.authority().strip().length() > AUTHORITY_MAX_CHARS) {
            violations.add("regulatorTicket.authority", "is longer than " + AUTHORITY_MAX_CHARS + " characters");
        }
    }

    /** The typed ticket of a valid draft, null when there is none. */
    static RegulatorTicket ticket(ComplaintDraft.RegulatorTicketDraft ticket) {
        if (ticket == null) {
            return null;
        }
        String authority = ticket.authority() == null || ticket.authority().isBlank() ? null : ticket.authority().strip();
        return RegulatorTicket.newBuilder().setReference(ticket.reference().strip())
                .setDeadline(IncidentTimeReadable.parse(ticket.deadline())).setAuthority(authority).build();
    }
}

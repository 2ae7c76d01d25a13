package io.livecomplaints.intake.validation.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.intake.validation.model.ComplaintDraft.RegulatorTicketDraft;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 #4: a REGULATOR complaint carries the regulator's ticket reference and a deadline still ahead. */
class RegulatorTicketGivenTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private final RegulatorTicketGiven rule = new RegulatorTicketGiven(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ComplaintDraft draft(String channel, RegulatorTicketDraft ticket) {
        return new ComplaintDraft("U-1", channel, "12315转来的投诉", null, null, null, null, null, null, null, null, null,
                false, ticket);
    }

    private List<String> fields(ComplaintDraft draft) {
        Violations violations = new Violations();
        rule.check(draft, violations);
        return violations.list().stream().map(FieldViolation::field).toList();
    }

    @Test
    void aRegulatorComplaintNeedsItsTicketReference() {
        assertThat(fields(draft("REGULATOR", null))).containsExactly("regulatorTicket.reference");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("  ", null, "12315")))).containsExactly("regulatorTicket.reference");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("R".repeat(65), null, null)))).containsExactly("regulatorTicket.reference");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("12315-0001", null, null)))).isEmpty();
    }

    @Test
    void theDeadlineIsAReadableInstantStillAhead() {
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("T-1", "2026-12-04T07:59:59Z", "消协"))))
                .containsExactly("regulatorTicket.deadline");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("T-1", NOW.toString(), "消协"))))
                .containsExactly("regulatorTicket.deadline");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("T-1", "下周", "消协"))))
                .containsExactly("regulatorTicket.deadline");
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("T-1", "2026-12-11T09:00:00Z", "消协")))).isEmpty();
        assertThat(fields(draft("REGULATOR", new RegulatorTicketDraft("T-1", null, "很长的监管机构名称".repeat(5)))))
                .containsExactly("regulatorTicket.authority");
    }

    @Test
    void otherChannelsCarryNoTicket() {
        assertThat(fields(draft("APP_CHAT", null))).isEmpty();
        assertThat(fields(draft("APP_CHAT", new RegulatorTicketDraft("T-1", null, null)))).containsExactly("regulatorTicket");
    }

    @Test
    void aValidTicketIsTyped() {
        RegulatorTicket ticket = RegulatorTicketGiven.ticket(new RegulatorTicketDraft(" 12315-0001 ", "2026-12-11T09:00:00Z", " "));
        assertThat(ticket.getReference()).isEqualTo("12315-0001");
        assertThat(ticket.getDeadline()).isEqualTo(Instant.parse("2026-12-11T09:00:00Z"));
        assertThat(ticket.getAuthority()).isNull();
    }
}

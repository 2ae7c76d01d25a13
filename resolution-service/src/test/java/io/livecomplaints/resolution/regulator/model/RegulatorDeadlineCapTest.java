package io.livecomplaints.resolution.regulator.model;

import static io.livecomplaints.resolution.support.Fixtures.agent;
import static io.livecomplaints.resolution.support.Fixtures.command;
import static io.livecomplaints.resolution.support.Fixtures.merchant;
import static io.livecomplaints.resolution.support.Fixtures.policies;
import static io.livecomplaints.resolution.support.Fixtures.refund;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseCommands;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 15 #4: no deadline of a regulator's case lies after the regulator's deadline. */
class RegulatorDeadlineCapTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    static ComplaintTriaged regulatorComplaint(String id, Instant receivedAt, Instant deadline) {
        ComplaintTriaged.Builder t = triaged(id, receivedAt).setSeverity(Severity.HIGH);
        return t.setComplaint(ComplaintReceived.newBuilder(t.getComplaint()).setChannel(Channel.REGULATOR)
                .setRegulatorTicket(RegulatorTicket.newBuilder().setReference("12315-" + id).setDeadline(deadline)
                        .setAuthority("12315").build()).build()).build();
    }

    @Test
    void aTicketDeadline10HoursAwayCapsTheResolutionAndThePlan() {
        Instant deadline = T0.plus(Duration.ofHours(10));
        ComplaintCase opened = CaseOpening.open(regulatorComplaint("C-r", T0, deadline), null, policies(), T0).result();

        assertThat(opened.getRegulatorTicket().getReference()).isEqualTo("12315-C-r");
        assertThat(opened.getSlaClocks()).allSatisfy(c -> assertThat(c.getDueAt()).isBeforeOrEqualTo(deadline));
        SlaClockStatus resolution = SlaClocks.find(opened.getSlaClocks(), SlaClock.RESOLUTION).orElseThrow();
        assertThat(resolution.getDueAt()).isEqualTo(deadline); // 24 h for REGULATOR, capped at 10 h
        assertThat(resolution.getWarnAt()).isEqualTo(deadline.minus(Duration.ofHours(2))); // the same lead as before
        assertThat(opened.getResolutionDueAt()).isEqualTo(deadline);
        assertThat(opened.getPlanDueAt()).isEqualTo(deadline); // HIGH: a plan was owed in 72 h
        // the first response (30 min) was already earlier: unchanged
        assertThat(opened.getFirstResponseDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theMerchantsAnswerAndTheTimeGivenBackAfterItStayWithinTheDeadline() {
        Instant deadline = T0.plus(Duration.ofHours(10));
        ComplaintCase c = CaseOpening.open(regulatorComplaint("C-r", T0, deadline), null, policies(), T0).result();
        c = CaseCommands.handle(c, command("C-r", agent("A-1", AgentTier.SENIOR), CommandAction.ACCEPT, T0).build(),
                policies(), T0.plus(Duration.ofMinutes(10))).result();
        ComplaintCase asked = CaseCommands.handle(c, command("C-r", agent("A-1", AgentTier.SENIOR), CommandAction.REQUEST_MERCHANT_RESPONSE,
                T0).setDecision(refund(10_000)).build(), policies(), T0.plus(Duration.ofHours(1))).result();
        assertThat(asked.getState()).isEqualTo(CaseState.AWAITING_MERCHANT);
        // 48 h for the merchant, but the regulator wants the answer in 10 h
        assertThat(SlaClocks.find(asked.getSlaClocks(), SlaClock.MERCHANT_RESPONSE).orElseThrow().getDueAt()).isEqualTo(deadline);

        ComplaintCase refused = CaseCommands.handle(asked, command("C-r", merchant("M-1"), CommandAction.MERCHANT_RESPONDED, T0)
                .setMerchantAgrees(false).setNote("已按描述发货").build(), policies(), T0.plus(Duration.ofHours(5))).result();
        assertThat(refused.getState()).isEqualTo(CaseState.IN_PROGRESS);
        // the 4 h waited for the merchant would move the resolution to 14 h: it stays at the regulator's 10 h
        assertThat(refused.getSlaClocks()).allSatisfy(s -> assertThat(s.getDueAt()).isBeforeOrEqualTo(deadline));
        assertThat(refused.getResolutionDueAt()).isEqualTo(deadline);
    }

    @Test
    void aTicketDeadlineLaterThanEveryClockChangesNothing() {
        ComplaintCase capped = CaseOpening.open(regulatorComplaint("C-r", T0, T0.plus(Duration.ofDays(15))), null, policies(), T0).result();
        ComplaintCase plain = CaseOpening.open(triaged("C-r", T0).setSeverity(Severity.HIGH).setComplaint(
                ComplaintReceived.newBuilder(triaged("C-r", T0).getComplaint()).setChannel(Channel.REGULATOR).build()).build(),
                null, policies(), T0).result();
        assertThat(capped.getSlaClocks()).isEqualTo(plain.getSlaClocks());
    }

    @Test
    void aDeadlineInsideTheWarningLeadWarnsAtTheStart() {
        Instant deadline = T0.plus(Duration.ofMinutes(20));
        SlaClockStatus first = SlaClockStatus.newBuilder().setClock(SlaClock.FIRST_RESPONSE)
                .setDueAt(T0.plus(Duration.ofMinutes(30))).setWarnAt(T0.plus(Duration.ofMinutes(24))).build();
        SlaClockStatus capped = RegulatorDeadlineCap.cap(first, deadline, T0);
        assertThat(capped.getDueAt()).isEqualTo(deadline);
        assertThat(capped.getWarnAt()).isEqualTo(T0.plus(Duration.ofMinutes(14)));
        SlaClockStatus tight = RegulatorDeadlineCap.cap(first, T0.plus(Duration.ofMinutes(3)), T0);
        assertThat(tight.getWarnAt()).isEqualTo(T0);
        assertThat(RegulatorDeadlineCap.cap(first, null, T0)).isSameAs(first);
    }
}

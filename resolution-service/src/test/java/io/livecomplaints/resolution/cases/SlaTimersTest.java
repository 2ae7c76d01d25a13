package io.livecomplaints.resolution.cases;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA clocks through the real topology with a moved clock: warnings, breaches, escalation, pause (restarts: ResolutionRestartTest). */
class SlaTimersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void anUnansweredCaseIsWarnedThenBreachedAndEscalatedOneLevelExactlyOnce() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-1", T0).build());

            h.advance(Duration.ofMinutes(23));
            assertThat(h.slaEvents.isEmpty()).isTrue();
            h.advance(Duration.ofMinutes(1));
            assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getKind, SlaEvent::getClock)
                    .containsExactly(tuple(SlaEventKind.WARNING, SlaClock.FIRST_RESPONSE));
            h.advance(Duration.ofMinutes(6));
            List<SlaEvent> breach = h.slaEvents.readValuesToList();
            assertThat(breach).extracting(SlaEvent::getKind, SlaEvent::getClock, SlaEvent::getEscalationLevel)
                    .containsExactly(tuple(SlaEventKind.BREACHED, SlaClock.FIRST_RESPONSE, 0),
                            tuple(SlaEventKind.ESCALATED, SlaClock.FIRST_RESPONSE, 1));
            ComplaintCase c = h.caseOf("C-1");
            assertThat(c.getState()).isEqualTo(CaseState.ESCALATED);
            assertThat(c.getEscalationLevel()).isEqualTo(1);

            h.advance(Duration.ofMinutes(30));
            assertThat(h.slaEvents.isEmpty()).isTrue(); // nothing fires twice
        }
    }

    @Test
    void aFirstResponseInTimeStopsItsClock() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-2", T0).build());
            h.advance(Duration.ofMinutes(10));
            h.send(command("C-2", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, h.clock.instant()).build());

            h.advance(Duration.ofHours(1));
            assertThat(h.slaEvents.isEmpty()).isTrue();
            assertThat(SlaClocks.find(h.caseOf("C-2").getSlaClocks(), SlaClock.FIRST_RESPONSE).orElseThrow().getMetAt())
                    .isEqualTo(T0.plus(Duration.ofMinutes(10)));
        }
    }

    @Test
    void theResolutionClockPausesWhileTheMerchantIsAsked() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-3", T0).build());
            h.send(command("C-3", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0).build());
            h.advance(Duration.ofHours(40));
            h.send(command("C-3", agent("A-1", AgentTier.JUNIOR), CommandAction.REQUEST_MERCHANT_RESPONSE, h.clock.instant())
                    .setDecision(fullRefund(29_900)).build());
            h.advance(Duration.ofHours(20)); // the resolution deadline (48 h) passes while paused: nothing fires for it
            assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getClock).doesNotContain(SlaClock.RESOLUTION);

            h.send(command("C-3", merchant("M-1"), CommandAction.MERCHANT_RESPONDED, h.clock.instant())
                    .setMerchantAgrees(false).setNote("商品无质量问题").build());
            ComplaintCase resumed = h.caseOf("C-3");
            assertThat(resumed.getState()).isEqualTo(CaseState.IN_PROGRESS);
            assertThat(resumed.getResolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(68))); // 8 h were left at the pause
            assertThat(h.credit.readKeyValuesToMap().get("MERCHANT:M-1").getMerchantResponseMillisTotal())
                    .isEqualTo(Duration.ofHours(20).toMillis());

            h.advance(Duration.ofHours(7));
            assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getKind, SlaEvent::getClock)
                    .containsExactly(tuple(SlaEventKind.WARNING, SlaClock.RESOLUTION));
            h.advance(Duration.ofHours(1));
            assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getKind)
                    .containsExactly(SlaEventKind.BREACHED, SlaEventKind.ESCALATED);
        }
    }

    @Test
    void aResolvedCaseNobodyDisputesClosesAfterAWeek() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-5", T0).build());
            h.send(command("C-5", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0).build());
            h.send(command("C-5", agent("A-1", AgentTier.JUNIOR), CommandAction.RESOLVE, T0).setDecision(exchange()).build());
            h.advance(Duration.ofDays(6));
            assertThat(h.caseOf("C-5").getState()).isEqualTo(CaseState.RESOLVED);
            h.advance(Duration.ofDays(1));
            assertThat(h.caseOf("C-5").getState()).isEqualTo(CaseState.CLOSED);
        }
    }

    @Test
    void anUnhappySurveyReopensTheCaseWithANewResolutionClock() throws Exception {
        try (CaseTopologyHarness h = new CaseTopologyHarness(policies(), T0)) {
            h.open(triaged("C-6", T0).build());
            h.send(command("C-6", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0).build());
            h.send(command("C-6", agent("A-1", AgentTier.JUNIOR), CommandAction.RESOLVE, T0).setDecision(exchange()).build());
            h.advance(Duration.ofDays(1));
            var survey = survey("C-6", "U-1", 1, true, h.clock.instant());
            h.send(survey);
            h.send(survey); // redelivered: applied once

            ComplaintCase reopened = h.caseOf("C-6");
            assertThat(reopened.getState()).isEqualTo(CaseState.REOPENED);
            assertThat(reopened.getReopenCount()).isEqualTo(1);
            assertThat(reopened.getResolutionDueAt()).isEqualTo(T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(48)));
            var merchant = h.credit.readKeyValuesToMap().get("MERCHANT:M-1");
            assertThat(merchant.getDisputes()).isEqualTo(1);
            assertThat(merchant.getSatisfactionCount()).isEqualTo(1);
            h.advance(Duration.ofDays(7));
            assertThat(h.caseOf("C-6").getState()).isNotEqualTo(CaseState.CLOSED); // the old auto-close timer is stale
        }
    }
}

package io.livecomplaints.resolution.cases;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RefusalKind;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.support.streams.schedule.DurableSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private CaseTopologyHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new CaseTopologyHarness(policies(), T0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aTriagedComplaintOpensOneCaseEvenWhenRedelivered() {
        var complaint = triaged("C-1", T0).build();
        h.open(complaint);
        h.open(complaint);

        assertThat(h.caseVersions()).hasSize(1);
        ComplaintCase c = h.caseOf("C-1");
        assertThat(c.getState()).isEqualTo(CaseState.TRIAGED);
        assertThat(c.getSlaClocks()).extracting(s -> s.getClock()).containsExactly(SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION);
        // one schedule entry for the case's four timers (warning + deadline of both clocks), at the earliest
        assertThat(h.scheduled()).containsExactly(Map.entry(
                SlaClocks.find(c.getSlaClocks(), SlaClock.FIRST_RESPONSE).orElseThrow().getWarnAt(), "C-1"));
    }

    @Test
    void anAgentResolvesWithinTheirLimitAndTheOutcomeAndCreditFollow() {
        h.open(triaged("C-2", T0).build());
        h.send(command("C-2", agent("A-1", AgentTier.INTERMEDIATE), CommandAction.ACCEPT, T0).build());
        h.send(command("C-2", agent("A-1", AgentTier.INTERMEDIATE), CommandAction.RESOLVE, T0).setDecision(refund(15_000)).build());

        ComplaintCase c = h.caseOf("C-2");
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getVersion()).isEqualTo(3);
        ComplaintOutcome outcome = h.outcomes.readValue();
        assertThat(outcome.getOutcome()).isEqualTo(OutcomeResult.RESOLVED);
        assertThat(outcome.getDecision().getRefundFen()).isEqualTo(15_000);
        assertThat(outcome.getDecidedBy()).isEqualTo("A-1");
        Map<String, CreditRecord> credit = h.credit.readKeyValuesToMap();
        assertThat(credit.get("USER:U-1").getValidComplaints()).isEqualTo(1);
        assertThat(credit.get("USER:U-1").getRefundsFen()).isEqualTo(15_000);
        assertThat(credit.get("MERCHANT:M-1").getValidComplaints()).isEqualTo(1);
    }

    @Test
    void aRefusedCommandIsRecordedOnTheTimelineAndChangesNothingElse() {
        h.open(triaged("C-3", T0).build());
        h.send(command("C-3", agent("A-1", AgentTier.SENIOR), CommandAction.APPROVE, T0).build());

        ComplaintCase c = h.caseOf("C-3");
        assertThat(c.getState()).isEqualTo(CaseState.TRIAGED);
        assertThat(c.getTimeline().get(c.getTimeline().size() - 1).getAction()).isEqualTo("APPROVE_REFUSED");
        assertThat(c.getTimeline().get(c.getTimeline().size() - 1).getNote()).contains("ILLEGAL_TRANSITION", "APPROVE is not allowed in state TRIAGED");
        assertThat(c.getTimeline().get(c.getTimeline().size() - 1).getRefusal()).isEqualTo(RefusalKind.ILLEGAL_TRANSITION);
        assertThat(c.getTimeline().get(0).getRefusal()).as("a step that was not refused names no refusal").isNull();
        assertThat(h.outcomes.isEmpty()).isTrue();
    }

    @Test
    void theMerchantsSilenceFor48HoursIsAutoApprovedExactlyOnce() {
        h.open(triaged("C-4", T0).build());
        h.send(command("C-4", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0).build());
        h.send(command("C-4", agent("A-1", AgentTier.JUNIOR), CommandAction.REQUEST_MERCHANT_RESPONSE, T0).setDecision(fullRefund(29_900)).build());
        assertThat(h.caseOf("C-4").getState()).isEqualTo(CaseState.AWAITING_MERCHANT);

        h.advance(Duration.ofHours(47));
        assertThat(h.outcomes.isEmpty()).isTrue();
        h.advance(Duration.ofHours(1));
        h.advance(Duration.ofHours(1));

        ComplaintOutcome outcome = h.outcomes.readValue();
        assertThat(outcome.getAutoApproved()).isTrue();
        assertThat(outcome.getDecision().getRefundFen()).isEqualTo(29_900);
        assertThat(h.outcomes.isEmpty()).isTrue();
        assertThat(h.caseOf("C-4").getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(h.slaEvents.readValuesToList()).extracting(SlaEvent::getKind, SlaEvent::getClock)
                .contains(org.assertj.core.groups.Tuple.tuple(SlaEventKind.WARNING, SlaClock.MERCHANT_RESPONSE),
                        org.assertj.core.groups.Tuple.tuple(SlaEventKind.BREACHED, SlaClock.MERCHANT_RESPONSE));
        assertThat(h.credit.readKeyValuesToMap().get("MERCHANT:M-1").getMerchantTimeouts()).isEqualTo(1);
    }

    @Test
    void timersOfBothSchedulesBeforeTheUpgradeMoveToTheCurrentOneAndStillFire() {
        h.open(triaged("C-5", T0).build());
        h.open(triaged("C-6", T0).build());
        // as the old releases left them: one entry per timer, nothing in the current schedule
        List<SlaTimer> c5 = formerTimers("C-5");
        List<SlaTimer> c6 = formerTimers("C-6");
        assertThat(c5).hasSize(4);
        for (SlaTimer t : c5) { // the string-key store: <fireAt>|<complaintId>|<kind>|<clock>, empty values
            h.legacyTimers().put(String.format("%015d|%s", t.fireAt().toEpochMilli(), formerId(t)), "");
        }
        DurableSchedule<SlaTimer> former = new DurableSchedule<>(h.legacySchedule());
        for (SlaTimer t : c6) { // the timer schedule: one SlaTimer per (fireAt, <complaintId>|<kind>|<clock>)
            former.schedule(t.fireAt(), formerId(t), t);
        }
        List<Bytes> keys = new ArrayList<>();
        try (var all = h.deadlines().all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(h.deadlines()::delete);

        h.advance(Duration.ofSeconds(1));
        assertThat(h.legacyTimers().approximateNumEntries()).isZero();
        assertThat(h.legacySchedule().approximateNumEntries()).isZero();
        Instant firstWarning = c5.stream().map(SlaTimer::fireAt).min(Instant::compareTo).orElseThrow();
        assertThat(h.scheduled()).containsExactly(Map.entry(firstWarning, "C-5"), Map.entry(firstWarning, "C-6"));

        SlaTimer firstDeadline = c5.stream().filter(t -> t.kind() == SlaTimer.Kind.DEADLINE)
                .min(java.util.Comparator.comparing(SlaTimer::fireAt)).orElseThrow();
        h.advance(Duration.between(T0, firstDeadline.fireAt()));
        assertThat(h.slaEvents.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getKind(), kv -> kv.value.getClock())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("C-5", SlaEventKind.WARNING, firstDeadline.clock()),
                        org.assertj.core.groups.Tuple.tuple("C-5", SlaEventKind.BREACHED, firstDeadline.clock()),
                        org.assertj.core.groups.Tuple.tuple("C-5", SlaEventKind.ESCALATED, firstDeadline.clock()),
                        org.assertj.core.groups.Tuple.tuple("C-6", SlaEventKind.WARNING, firstDeadline.clock()),
                        org.assertj.core.groups.Tuple.tuple("C-6", SlaEventKind.BREACHED, firstDeadline.clock()),
                        org.assertj.core.groups.Tuple.tuple("C-6", SlaEventKind.ESCALATED, firstDeadline.clock()));
    }

    /** The timers a release before one entry per case scheduled for a case: warning and deadline of each clock. */
    private List<SlaTimer> formerTimers(String complaintId) {
        List<SlaTimer> timers = new ArrayList<>();
        h.caseOf(complaintId).getSlaClocks().forEach(clock -> timers.addAll(SlaClocks.timersFor(complaintId, clock)));
        return timers;
    }

    private static String formerId(SlaTimer t) {
        return t.complaintId() + '|' + t.kind() + '|' + (t.clock() == null ? "-" : t.clock().name());
    }
}

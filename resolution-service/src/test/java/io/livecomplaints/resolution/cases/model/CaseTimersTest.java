package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which timers a case has pending, as a function of the case: what its one schedule entry is at. */
class CaseTimersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final CasePolicies policies = policies();

    @Test
    void anOpenedCaseHasTheWarningAndDeadlineOfEachRunningClockInTimeOrder() {
        ComplaintCase c = CaseOpening.open(triaged("C-1", T0).build(), null, policies, T0).result();

        assertThat(CaseTimers.pending(c, policies)).extracting(SlaTimer::fireAt, SlaTimer::kind, SlaTimer::clock).containsExactly(
                tuple(T0.plus(Duration.ofMinutes(24)), SlaTimer.Kind.WARNING, SlaClock.FIRST_RESPONSE),
                tuple(T0.plus(Duration.ofMinutes(30)), SlaTimer.Kind.DEADLINE, SlaClock.FIRST_RESPONSE),
                tuple(T0.plus(Duration.ofHours(46)), SlaTimer.Kind.WARNING, SlaClock.RESOLUTION),
                tuple(T0.plus(Duration.ofHours(48)), SlaTimer.Kind.DEADLINE, SlaClock.RESOLUTION));
        assertThat(CaseTimers.next(c, policies)).contains(T0.plus(Duration.ofMinutes(24)));
        assertThat(CaseTimers.due(c, policies, T0.plus(Duration.ofMinutes(30)))).hasSize(2);
    }

    @Test
    void timersDueAtTheSameInstantFireByKindThenClock() {
        ComplaintCase opened = CaseOpening.open(triaged("C-2", T0).build(), null, policies, T0).result();
        Instant at = T0.plus(Duration.ofHours(1));
        // the first response warned at `at` and due later; the resolution deadline at `at` too
        ComplaintCase c = ComplaintCase.newBuilder(opened).setSlaClocks(List.of(
                clock(SlaClock.RESOLUTION, at.minus(Duration.ofMinutes(10)), at),
                clock(SlaClock.FIRST_RESPONSE, at, at.plus(Duration.ofMinutes(10))))).build();

        assertThat(CaseTimers.pending(c, policies)).extracting(SlaTimer::fireAt, SlaTimer::kind, SlaTimer::clock).containsExactly(
                tuple(at.minus(Duration.ofMinutes(10)), SlaTimer.Kind.WARNING, SlaClock.RESOLUTION),
                tuple(at, SlaTimer.Kind.DEADLINE, SlaClock.RESOLUTION),
                tuple(at, SlaTimer.Kind.WARNING, SlaClock.FIRST_RESPONSE),
                tuple(at.plus(Duration.ofMinutes(10)), SlaTimer.Kind.DEADLINE, SlaClock.FIRST_RESPONSE));
    }

    @Test
    void metClocksHaveNoTimersAndPausedOnesWaitWhileTheMerchantIsAsked() {
        ComplaintCase opened = CaseOpening.open(triaged("C-3", T0).build(), null, policies, T0).result();
        ComplaintCase accepted = CaseCommands.handle(opened, command("C-3", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0)
                .build(), policies, T0.plusSeconds(10)).result();
        assertThat(CaseTimers.pending(accepted, policies)).extracting(SlaTimer::clock).containsOnly(SlaClock.RESOLUTION);

        ComplaintCase asked = CaseCommands.handle(accepted, command("C-3", agent("A-1", AgentTier.JUNIOR),
                CommandAction.REQUEST_MERCHANT_RESPONSE, T0).setDecision(fullRefund(29_900)).build(), policies, T0.plusSeconds(20)).result();
        SlaClockStatus merchant = SlaClocks.find(asked.getSlaClocks(), SlaClock.MERCHANT_RESPONSE).orElseThrow();
        assertThat(CaseTimers.pending(asked, policies)).extracting(SlaTimer::fireAt, SlaTimer::kind, SlaTimer::clock).containsExactly(
                tuple(merchant.getWarnAt(), SlaTimer.Kind.WARNING, SlaClock.MERCHANT_RESPONSE),
                tuple(merchant.getDueAt(), SlaTimer.Kind.DEADLINE, SlaClock.MERCHANT_RESPONSE));
    }

    @Test
    void aDecidedCaseHasOnlyItsAutoCloseAndAClosedOneNothing() {
        ComplaintCase opened = CaseOpening.open(triaged("C-4", T0).build(), null, policies, T0).result();
        ComplaintCase accepted = CaseCommands.handle(opened, command("C-4", agent("A-1", AgentTier.JUNIOR), CommandAction.ACCEPT, T0)
                .build(), policies, T0.plusSeconds(10)).result();
        Instant decidedAt = T0.plusSeconds(20);
        ComplaintCase resolved = CaseCommands.handle(accepted, command("C-4", agent("A-1", AgentTier.JUNIOR), CommandAction.RESOLVE, T0)
                .setDecision(exchange()).build(), policies, decidedAt).result();
        assertThat(CaseTimers.pending(resolved, policies)).extracting(SlaTimer::fireAt, SlaTimer::kind)
                .containsExactly(tuple(decidedAt.plus(Duration.ofDays(7)), SlaTimer.Kind.AUTO_CLOSE));

        ComplaintCase closed = CaseCommands.handle(resolved, command("C-4", agent("A-1", AgentTier.JUNIOR), CommandAction.CLOSE, T0).build(), policies,
                decidedAt.plusSeconds(10)).result();
        assertThat(closed.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(CaseTimers.next(closed, policies)).isEmpty();
    }

    private static SlaClockStatus clock(SlaClock clock, Instant warnAt, Instant dueAt) {
        return SlaClockStatus.newBuilder().setClock(clock).setWarnAt(warnAt).setDueAt(dueAt).build();
    }
}

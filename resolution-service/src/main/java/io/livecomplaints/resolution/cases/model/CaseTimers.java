package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a due timer does to its case. A warning before a deadline: SLA WARNING. A missed deadline: SLA BREACHED and
 * a one-level escalation (escalationLevel + 1, state ESCALATED, except a case awaiting approval, which keeps waiting
 * for its approver at the higher level), on sla-events; for the merchant's deadline instead: 超时自动同意. A resolved or
 * rejected case nobody disputed for the auto-close period is CLOSED. A stale timer (clock met, deadline moved, case
 * paused or decided) does nothing.
 *
 * <p>Which timers a case has pending is a function of the case alone ({@link #pending}): the warning and deadline of
 * every clock that could fire now (running, not paused, the case in a state the clock applies to) and the auto-close
 * of a decided case. So the case processor keeps one schedule entry per case, at {@link #next}, and moves it only when
 * that instant changes.
 */
public final class CaseTimers {

    /** Timers due at the same instant fire in the order of the former schedule's ids: kind, then clock. */
    private static final Comparator<SlaTimer> FIRING_ORDER = Comparator.comparing(SlaTimer::fireAt)
            .thenComparing(t -> t.kind().name())
            .thenComparing(t -> t.clock() == null ? "-" : t.clock().name());

    private CaseTimers() {
    }

    /** Every timer of the case that would act when due, in firing order. */
    public static List<SlaTimer> pending(ComplaintCase c, CasePolicies policies) {
        String id = c.getEnvelope().getComplaintId();
        List<SlaTimer> timers = new ArrayList<>();
        for (SlaClockStatus clock : c.getSlaClocks()) {
            for (SlaTimer timer : SlaClocks.timersFor(id, clock)) {
                if (SlaClocks.applies(c, timer).isPresent()) {
                    timers.add(timer);
                }
            }
        }
        if (c.getState() == CaseState.RESOLVED || c.getState() == CaseState.REJECTED) {
            Instant decidedAt = lastDecisionAt(c.getTimeline());
            if (decidedAt != null) {
                timers.add(new SlaTimer(decidedAt.plus(policies.autoCloseAfter()), id, SlaTimer.Kind.AUTO_CLOSE, null));
            }
        }
        timers.sort(FIRING_ORDER);
        return timers;
    }

    /** The pending timers due at or before {@code now}, in firing order. */
    public static List<SlaTimer> due(ComplaintCase c, CasePolicies policies, Instant now) {
        return pending(c, policies).stream().filter(t -> !t.fireAt().isAfter(now)).toList();
    }

    /** When the case's next timer falls due, or empty when none is pending. */
    public static Optional<Instant> next(ComplaintCase c, CasePolicies policies) {
        List<SlaTimer> timers = pending(c, policies);
        return timers.isEmpty() ? Optional.empty() : Optional.of(timers.get(0).fireAt());
    }

    public static Optional<CaseChange> fire(ComplaintCase c, SlaTimer timer, CasePolicies policies, Instant now) {
        if (timer.kind() == SlaTimer.Kind.AUTO_CLOSE) {
            return autoClose(c, policies, now);
        }
        Optional<SlaClockStatus> applies = SlaClocks.applies(c, timer);
        if (applies.isEmpty()) {
            return Optional.empty();
        }
        SlaClockStatus clock = applies.get();
        CaseChange change = CaseChange.of(c, c.getEnvelope(), now, null);
        if (timer.kind() == SlaTimer.Kind.WARNING) {
            change.setClocks(SlaClocks.replace(change.clocks(), SlaClockStatus.newBuilder(clock).setWarnedAt(now).build()));
            change.slaEvent(event(change, SlaEventKind.WARNING, clock, c.getEscalationLevel()));
            change.note("SLA_WARNING", Parties.RESOLUTION, clock.getClock() + " due " + clock.getDueAt());
            return Optional.of(change);
        }
        change.setClocks(SlaClocks.replace(change.clocks(), SlaClockStatus.newBuilder(clock).setBreachedAt(now).build()));
        change.slaEvent(event(change, SlaEventKind.BREACHED, clock, c.getEscalationLevel()));
        if (clock.getClock() == SlaClock.MERCHANT_RESPONSE) {
            MerchantRequests.timeout(change, policies, clock.getDueAt());
            return Optional.of(change);
        }
        int level = c.getEscalationLevel() + 1;
        change.next().setEscalationLevel(level);
        CaseState to = c.getState() == CaseState.AWAITING_APPROVAL ? CaseState.AWAITING_APPROVAL : CaseState.ESCALATED;
        change.step("SLA_BREACHED", to, Parties.RESOLUTION, clock.getClock() + " was due " + clock.getDueAt()
                + "; escalated to level " + level);
        change.slaEvent(event(change, SlaEventKind.ESCALATED, clock, level));
        return Optional.of(change);
    }

    private static Optional<CaseChange> autoClose(ComplaintCase c, CasePolicies policies, Instant now) {
        if (c.getState() != CaseState.RESOLVED && c.getState() != CaseState.REJECTED) {
            return Optional.empty();
        }
        Instant decidedAt = lastDecisionAt(c.getTimeline());
        if (decidedAt == null || decidedAt.plus(policies.autoCloseAfter()).isAfter(now)) {
            return Optional.empty(); // decided again since this timer was set; a later timer closes it
        }
        CaseChange change = CaseChange.of(c, c.getEnvelope(), now, null);
        change.step("CLOSE", CaseState.CLOSED, Parties.RESOLUTION, "closed: no dispute within " + policies.autoCloseAfter());
        return Optional.of(change);
    }

    private static Instant lastDecisionAt(List<TimelineEntry> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineEntry e = timeline.get(i);
            if ((e.getToState() == CaseState.RESOLVED || e.getToState() == CaseState.REJECTED) && e.getFromState() != e.getToState()) {
                return e.getAt();
            }
        }
        return null;
    }

    private static SlaEvent event(CaseChange change, SlaEventKind kind, SlaClockStatus clock, int level) {
        ComplaintCase c = change.before();
        return SlaEvent.newBuilder()
                .setEnvelope(change.envelope())
                .setKind(kind)
                .setClock(clock.getClock())
                .setDueAt(clock.getDueAt())
                .setFiredAt(change.at())
                .setEscalationLevel(level)
                .setUserId(c.getUserId())
                .setChannel(c.getChannel())
                .setLanguage(c.getLanguage())
                .setType(c.getType())
                .setSeverity(c.getSeverity())
                .setTeam(c.getTeam())
                .build();
    }
}

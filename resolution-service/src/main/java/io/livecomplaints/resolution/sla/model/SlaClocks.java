package io.livecomplaints.resolution.sla.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a case's SLA clocks: met by the step that satisfies them, paused while the merchant is asked
 * (handling plan and resolution only; the merchant's own clock runs) and shifted by the paused working time on
 * resume, and which timers a clock needs. A timer is checked against the clock when it fires, so a timer for a
 * deadline that moved, or a clock that was met, simply does nothing.
 */
public final class SlaClocks {

    private SlaClocks() {
    }

    /** Clocks that stand still while the case is AWAITING_MERCHANT. */
    public static boolean pausable(SlaClock clock) {
        return clock == SlaClock.HANDLING_PLAN || clock == SlaClock.RESOLUTION;
    }

    public static Optional<SlaClockStatus> find(List<SlaClockStatus> clocks, SlaClock clock) {
        return clocks.stream().filter(s -> s.getClock() == clock).findFirst();
    }

    /** The clocks with {@code status} replacing the clock of the same kind (or added). */
    public static List<SlaClockStatus> replace(List<SlaClockStatus> clocks, SlaClockStatus status) {
        List<SlaClockStatus> result = new ArrayList<>();
        boolean replaced = false;
        for (SlaClockStatus s : clocks) {
            if (s.getClock() == status.getClock()) {
                result.add(status);
                replaced = true;
            } else {
                result.add(s);
            }
        }
        if (!replaced) {
            result.add(status);
        }
        return result;
    }

    /** Marks a running clock met at {@code at}; clocks already met stay as they are. */
    public static List<SlaClockStatus> met(List<SlaClockStatus> clocks, SlaClock clock, Instant at) {
        return find(clocks, clock).filter(s -> s.getMetAt() == null)
                .map(s -> replace(clocks, SlaClockStatus.newBuilder(s).setMetAt(at).build()))
                .orElse(clocks);
    }

    /**
     * Resumes the pausable clocks after a pause from {@code pausedAt} to {@code resumedAt}: each deadline (and its
     * warning) moves by the working time that was left at the pause.
     */
    public static List<SlaClockStatus> resume(List<SlaClockStatus> clocks, Instant pausedAt, Instant resumedAt,
                                              BusinessCalendar calendar) {
        List<SlaClockStatus> result = new ArrayList<>();
        for (SlaClockStatus s : clocks) {
            if (pausable(s.getClock()) && running(s)) {
                SlaClockStatus.Builder moved = SlaClockStatus.newBuilder(s)
                        .setDueAt(calendar.plus(resumedAt, calendar.between(pausedAt, s.getDueAt())));
                if (s.getWarnAt() != null && s.getWarnedAt() == null) {
                    moved.setWarnAt(calendar.plus(resumedAt, calendar.between(pausedAt, s.getWarnAt())));
                }
                result.add(moved.build());
            } else {
                result.add(s);
            }
        }
        return result;
    }

    /** Neither met nor breached. */
    public static boolean running(SlaClockStatus s) {
        return s.getMetAt() == null && s.getBreachedAt() == null;
    }

    /** The timers a clock needs now: its warning (unless given) and its deadline, while it runs. */
    public static List<SlaTimer> timersFor(String complaintId, SlaClockStatus s) {
        List<SlaTimer> timers = new ArrayList<>();
        if (!running(s)) {
            return timers;
        }
        if (s.getWarnAt() != null && s.getWarnedAt() == null && s.getWarnAt().isBefore(s.getDueAt())) {
            timers.add(new SlaTimer(s.getWarnAt(), complaintId, SlaTimer.Kind.WARNING, s.getClock()));
        }
        timers.add(new SlaTimer(s.getDueAt(), complaintId, SlaTimer.Kind.DEADLINE, s.getClock()));
        return timers;
    }

    /**
     * The clock a timer still applies to, or empty when the timer is stale: the clock was met, already warned or
     * breached, its deadline moved, it is paused, or the case is no longer waiting for it.
     */
    public static Optional<SlaClockStatus> applies(ComplaintCase c, SlaTimer timer) {
        Optional<SlaClockStatus> found = find(c.getSlaClocks(), timer.clock());
        if (found.isEmpty() || !running(found.get())) {
            return Optional.empty();
        }
        SlaClockStatus s = found.get();
        boolean waitingForMerchant = c.getState() == CaseState.AWAITING_MERCHANT;
        if (timer.clock() == SlaClock.MERCHANT_RESPONSE ? !waitingForMerchant
                : !open(c.getState()) || (waitingForMerchant && pausable(timer.clock()))) {
            return Optional.empty(); // the merchant's clock runs only while waiting; plan and resolution pause then
        }
        boolean matches = timer.kind() == SlaTimer.Kind.WARNING
                ? s.getWarnedAt() == null && timer.fireAt().equals(s.getWarnAt())
                : timer.fireAt().equals(s.getDueAt());
        return matches ? found : Optional.empty();
    }

    private static boolean open(CaseState state) {
        return state != CaseState.RESOLVED && state != CaseState.REJECTED && state != CaseState.CLOSED;
    }
}

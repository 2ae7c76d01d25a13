package io.livecomplaints.resolution.regulator.model;

import io.livecomplaints.events.RegulatorTicket;
import io.livecomplaints.events.SlaClockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A complaint forwarded by a regulator (12315, 消协) must be answered by the regulator's deadline: no deadline of the
 * case lies after it. A clock due later is brought forward to the ticket's deadline, its warning keeping the same
 * lead before the new due time (but not before {@code notBefore}, the clock's start).
 */
public final class RegulatorDeadlineCap {

    private RegulatorDeadlineCap() {
    }

    /** The ticket's deadline, or null when the case has no ticket or the ticket no deadline. */
    public static Instant deadline(RegulatorTicket ticket) {
        return ticket == null ? null : ticket.getDeadline();
    }

    public static List<SlaClockStatus> cap(List<SlaClockStatus> clocks, Instant deadline, Instant notBefore) {
        return deadline == null ? clocks : clocks.stream().map(c -> cap(c, deadline, notBefore)).toList();
    }

    public static SlaClockStatus cap(SlaClockStatus clock, Instant deadline, Instant notBefore) {
        if (deadline == null || clock.getDueAt() == null || !clock.getDueAt().isAfter(deadline)) {
            return clock;
        }
        Duration lead = clock.getWarnAt() == null ? Duration.ZERO : Duration.between(clock.getWarnAt(), clock.getDueAt());
        Instant warnAt = deadline.minus(lead.isNegative() ? Duration.ZERO : lead);
        if (notBefore != null && warnAt.isBefore(notBefore)) {
            warnAt = notBefore.isAfter(deadline) ? deadline : notBefore;
        }
        return SlaClockStatus.newBuilder(clock).setDueAt(deadline).setWarnAt(warnAt).build();
    }
}

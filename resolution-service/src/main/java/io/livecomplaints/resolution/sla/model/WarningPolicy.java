package io.livecomplaints.resolution.sla.model;

import java.time.Duration;

/**
 * How long before a deadline the case is warned: {@code maxLead}, but never more than {@code fraction} of the time
 * the clock allows (a 5-minute first response is warned 1 minute ahead, not 2 hours ahead).
 */
public record WarningPolicy(Duration maxLead, double fraction) {

    public WarningPolicy {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("the warning fraction must be in [0, 1): " + fraction);
        }
    }

    /** The lead of the warning for a clock that allows {@code span}. */
    public Duration lead(Duration span) {
        Duration proportional = Duration.ofMillis((long) (span.toMillis() * fraction));
        return proportional.compareTo(maxLead) < 0 ? proportional : maxLead;
    }
}

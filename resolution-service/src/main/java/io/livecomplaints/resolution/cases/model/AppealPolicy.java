package io.livecomplaints.resolution.cases.model;

import java.time.Duration;

/** How long after a decision the party it charged may appeal it (申诉). */
public record AppealPolicy(Duration window) {

    public AppealPolicy {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the appeal window must be positive");
        }
    }

    /** application.yml's default: 7 days. */
    public static AppealPolicy defaults() {
        return new AppealPolicy(Duration.ofDays(7));
    }
}

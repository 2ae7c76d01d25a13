package io.livecomplaints.intake.validation.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The incident time, when given, is an ISO-8601 instant such as 2026-11-23T12:00:00Z that can have happened: not
 * later than now (plus {@link #DEVICE_CLOCK_SKEW} for a device's clock) and not earlier than the configured maximum age
 * ({@code complaints.intake.validation.incident-max-age}); year 0001 or 9999 is not a time a complaint is about.
 * Evidence capture times keep the same bounds.
 */
final class IncidentTimeReadable implements ComplaintRule {

    static final Duration DEVICE_CLOCK_SKEW = Duration.ofHours(1);

    private final Clock clock;
    private final Duration maxAge;

    IncidentTimeReadable(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        check("incidentAt", draft.incidentAt(), violations);
        for (int i = 0; i < draft.evidence().size(); i++) {
            ComplaintDraft.EvidenceDraft evidence = draft.evidence().get(i);
            if (evidence != null) {
                check("evidence[" + i + "].capturedAt", evidence.capturedAt(), violations);
            }
        }
    }

    private void check(String field, String value, Violations violations) {
        if (value == null) {
            return;
        }
        Instant instant = parse(value);
        if (instant == null) {
            violations.add(field, "must be an ISO-8601 instant such as 2026-11-23T12:00:00Z");
            return;
        }
        Instant now = clock.instant();
        if (instant.isAfter(now.plus(DEVICE_CLOCK_SKEW))) {
            violations.add(field, "lies in the future");
        } else if (instant.isBefore(now.minus(maxAge))) {
            violations.add(field, "is more than " + maxAge.toDays() + " days ago");
        }
    }

    static Instant parse(String instant) {
        try {
            return instant == null ? null : Instant.parse(instant.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

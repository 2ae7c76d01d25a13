package io.livecomplaints.intake.validation.model;

import io.livecomplaints.intake.submission.model.ComplaintDraft;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The incident time, when given, is an ISO-8601 instant such as 2026-11-23T12:00:00Z. */
final class IncidentTimeReadable implements ComplaintRule {

    @Override
    public void check(ComplaintDraft draft, Violations violations) {
        if (draft.incidentAt() != null && parse(draft.incidentAt()) == null) {
            violations.add("incidentAt", "must be an ISO-8601 instant such as 2026-11-23T12:00:00Z");
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

package io.livecomplaints.triage.incidents.model;

import io.livecomplaints.events.IncidentKind;
import java.time.Duration;
import java.util.List;

/**
 * Complaints blamed on the same platform-side cause form one QOS incident while they keep coming; a complaint more
 * than {@code quietGap} after the previous one opens a new incident (the fault was fixed and came back).
 */
public record QosIncidents(Duration quietGap) {

    public IncidentState join(IncidentState current, String scope, long at) {
        if (current == null || !current.open() || at - current.lastSeenAt() > quietGap.toMillis()) {
            return new IncidentState(IncidentIds.of(IncidentKind.QOS, scope, at), IncidentKind.QOS, at, at, 1, List.of());
        }
        return new IncidentState(current.incidentId(), IncidentKind.QOS, current.firstSeenAt(), Math.max(at, current.lastSeenAt()),
                current.size() + 1, List.of());
    }
}

package io.livecomplaints.triage.incidents.model;

import io.livecomplaints.events.IncidentKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Surge mode (flash-sale bursts): once {@code threshold} complaints of one type about one live session arrive within
 * {@code window}, they form a SURGE incident to be handled in bulk; its size counts the whole burst, including the
 * complaints before the threshold. The incident stays open while complaints keep coming at least once per window.
 */
public record SurgeDetector(Duration window, int threshold) {

    public IncidentState record(IncidentState current, String scope, long at) {
        long windowMillis = window.toMillis();
        if (current != null && current.open() && at - current.lastSeenAt() <= windowMillis) {
            return new IncidentState(current.incidentId(), IncidentKind.SURGE, current.firstSeenAt(),
                    Math.max(at, current.lastSeenAt()), current.size() + 1, List.of());
        }
        List<Long> recent = new ArrayList<>();
        if (current != null && !current.open()) {
            current.recent().stream().filter(t -> at - t <= windowMillis).forEach(recent::add);
        }
        recent.add(at);
        recent.sort(Long::compare);
        if (recent.size() >= threshold) {
            long first = recent.get(0);
            return new IncidentState(IncidentIds.of(IncidentKind.SURGE, scope, first), IncidentKind.SURGE, first, at,
                    recent.size(), List.of());
        }
        return new IncidentState(null, IncidentKind.SURGE, recent.get(0), at, recent.size(), recent);
    }
}

package io.livecomplaints.triage.incidents.model;

import io.livecomplaints.events.IncidentKind;
import java.util.List;

/**
 * What is known about one grouping scope (a CDN node, an anchor's session, a session and type): the incident open on
 * it (null while a surge has not reached its threshold), its size and first/last complaint times, and for surge
 * detection the times of the recent complaints not yet in an incident.
 */
public record IncidentState(String incidentId, IncidentKind kind, long firstSeenAt, long lastSeenAt, int size,
                            List<Long> recent) {

    public IncidentState {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    public boolean open() {
        return incidentId != null;
    }
}

package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.ComplaintType;
import java.util.Map;

/**
 * Which team handles a complaint (分发): by its type; types without an entry go to the default team; a stream fault
 * the diagnosis blames on the platform goes to the technical team whatever the type said.
 */
public record TeamRouting(Map<ComplaintType, String> teamsByType, String defaultTeam, String technicalTeam) {

    public String teamFor(ComplaintType type) {
        return teamsByType.getOrDefault(type, defaultTeam);
    }

    public String teamFor(ComplaintType type, boolean platformSideStreamFault) {
        return platformSideStreamFault ? technicalTeam : teamFor(type);
    }
}

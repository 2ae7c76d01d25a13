package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.ComplaintType;
import java.util.Map;

/** Which team handles a complaint type (DOMAIN.md 分发); types without an entry go to the default team. */
public record TeamRouting(Map<ComplaintType, String> teamsByType, String defaultTeam) {

    public String teamFor(ComplaintType type) {
        return teamsByType.getOrDefault(type, defaultTeam);
    }
}

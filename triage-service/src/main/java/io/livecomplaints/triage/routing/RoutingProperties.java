package io.livecomplaints.triage.routing;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.routing.model.Agent;
import io.livecomplaints.triage.routing.model.AgentRoster;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.triage.routing.*}: teams per type, the technical team for platform-side stream faults, the agents
 * with their skills, the cap of open cases per agent, and who takes HIGH complaints.
 *
 * @param partitions partitions of the by-team repartition topics
 */
@ConfigurationProperties("complaints.triage.routing")
public record RoutingProperties(Map<ComplaintType, String> teams, String defaultTeam, String technicalTeam,
                                int maxOpenCases, AgentTier highSeverityMinTier, int partitions, List<AgentEntry> agents) {

    /** One agent of the roster. */
    public record AgentEntry(String id, String team, AgentTier tier, Set<ComplaintType> skills, Set<String> languages,
                             int maxOpenCases) {
    }

    public AgentRoster roster() {
        return new AgentRoster(agents == null ? List.of() : agents.stream()
                .map(a -> new Agent(a.id(), a.team(), a.tier(), a.skills(), a.languages(), a.maxOpenCases())).toList());
    }
}

package io.livecomplaints.triage.routing.model;

import java.util.List;

/** The agents triage assigns to, by team (configured, e.g. from the workforce system's export). */
public record AgentRoster(List<Agent> agents) {

    public AgentRoster {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public List<Agent> ofTeam(String team) {
        return agents.stream().filter(a -> a.team().equals(team)).toList();
    }
}

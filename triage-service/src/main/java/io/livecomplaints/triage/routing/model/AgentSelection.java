package io.livecomplaints.triage.routing.model;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the agent of a complaint inside its team, never piling on one agent: among the agents with the skill for
 * the type and the language (any team agent if nobody has them) who are below their open-case cap, the one handling
 * the complaint's incident keeps it (bulk handling); HIGH severity goes to a senior agent when one is free; otherwise
 * the least loaded agent, ties going to whoever was given a case least recently (fair turns). When every agent is at
 * the cap nobody is assigned and the case waits in the team queue.
 */
public final class AgentSelection {

    private final AgentRoster roster;
    private final int defaultMaxOpenCases;
    private final AgentTier highSeverityMinTier;

    public AgentSelection(AgentRoster roster, int defaultMaxOpenCases, AgentTier highSeverityMinTier) {
        this.roster = roster;
        this.defaultMaxOpenCases = defaultMaxOpenCases;
        this.highSeverityMinTier = highSeverityMinTier;
    }

    public AgentRoster roster() {
        return roster;
    }

    public int capOf(Agent agent) {
        return agent.maxOpenCases() > 0 ? agent.maxOpenCases() : defaultMaxOpenCases;
    }

    public Assignment choose(AssignmentRequest request, AgentLoadBook load) {
        List<Agent> team = roster.ofTeam(request.team());
        if (team.isEmpty()) {
            return new Assignment(null, "no agents configured for team " + request.team() + ": team queue");
        }
        List<Agent> skilled = team.stream().filter(a -> a.handles(request.type()) && a.speaks(request.language())).toList();
        String skill = request.type() + "/" + request.language();
        if (skilled.isEmpty()) {
            skilled = team;
            skill = "any (nobody has " + skill + ")";
        }
        List<Agent> free = skilled.stream().filter(a -> load.openCases(a.id()) < capOf(a)).toList();
        if (free.isEmpty()) {
            return new Assignment(null, "all " + skilled.size() + " agents for " + skill + " at their open-case cap: team queue");
        }
        if (request.incidentOwner() != null) {
            for (Agent agent : free) {
                if (agent.id().equals(request.incidentOwner())) {
                    return new Assignment(agent.id(), "owner of the complaint's incident, " + load.openCases(agent.id()) + " open");
                }
            }
        }
        List<Agent> candidates = free;
        String why = "least loaded with skill " + skill;
        if (request.severity() == Severity.HIGH) {
            List<Agent> senior = free.stream().filter(a -> a.tier().ordinal() >= highSeverityMinTier.ordinal()).toList();
            if (!senior.isEmpty()) {
                candidates = senior;
                why = "least loaded " + highSeverityMinTier + "+ agent for a HIGH complaint, skill " + skill;
            }
        }
        Agent chosen = candidates.stream()
                .min(Comparator.comparingLong((Agent a) -> load.openCases(a.id()))
                        .thenComparingLong(a -> load.lastTurn(a.id()))
                        .thenComparing(Agent::id))
                .orElseThrow();
        return new Assignment(chosen.id(), why + ": " + load.openCases(chosen.id()) + " of " + capOf(chosen) + " open");
    }
}

package io.livecomplaints.resolution.cases.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agents each team has (the same roster triage routes to: {@code complaints.resolution.agents}, team → agent ids;
 * in production the identity provider's directory). A case is reassigned only to an agent of its own team: an id of
 * another team, an unknown id or text that is not an id at all is refused, so a case cannot be parked with nobody
 * (or with someone who never sees it in their queue).
 */
public final class AgentDirectory {

    /** What an agent id looks like (letters, digits, '.', '_', '-'; at most 64 characters). */
    public static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Map<String, Set<String>> agentsByTeam;

    public AgentDirectory(Map<String, ? extends java.util.Collection<String>> agentsByTeam) {
        Map<String, Set<String>> copy = new HashMap<>();
        agentsByTeam.forEach((team, ids) -> copy.put(team, Set.copyOf(ids)));
        this.agentsByTeam = Map.copyOf(copy);
    }

    public boolean isAgentOf(String agentId, String team) {
        return agentsByTeam.getOrDefault(team, Set.of()).contains(agentId);
    }

    /** What is wrong with {@code agentId} as an agent id at all (missing, markup, too long); empty if nothing. */
    public static Optional<String> problemWithId(String agentId) {
        if (agentId == null || agentId.isBlank()) {
            return Optional.of("is required: who takes the case");
        }
        if (!AGENT_ID.matcher(agentId).matches()) {
            return Optional.of("must be an agent id: letters, digits, '.', '_' or '-', at most 64 characters");
        }
        return Optional.empty();
    }

    /** What is wrong with {@code agentId} as the new assignee of a case of {@code team}; empty if nothing. */
    public Optional<String> problemWithAssignee(String agentId, String team) {
        Optional<String> badId = problemWithId(agentId);
        if (badId.isPresent()) {
            return badId;
        }
        if (!isAgentOf(agentId, team)) {
            return Optional.of("is not an agent of team " + team + ": a case goes only to an agent of its own team");
        }
        return Optional.empty();
    }
}

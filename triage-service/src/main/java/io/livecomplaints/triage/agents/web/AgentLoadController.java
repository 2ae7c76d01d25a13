package io.livecomplaints.triage.agents.web;

import io.livecomplaints.triage.pipeline.TriageStateQueries;
import io.livecomplaints.triage.routing.model.Agent;
import io.livecomplaints.triage.routing.model.AgentSelection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/triage/agents}: the roster with each agent's open cases and cap (supervisors and operators), the
 * same on every instance: the open cases are gathered from the instances owning the teams' partitions. Lives
 * above {@code pipeline} (whose read-side queries it uses), so routing does not depend on pipeline.
 */
@RestController
@RequestMapping("/api/v1/triage/agents")
class AgentLoadController {

    record AgentLoad(String id, String team, String tier, Set<String> skills, Set<String> languages, long openCases, int maxOpenCases) {
    }

    private final AgentSelection selection;
    private final TriageStateQueries state;

    AgentLoadController(AgentSelection selection, TriageStateQueries state) {
        this.selection = selection;
        this.state = state;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','SUPERVISOR')")
    List<AgentLoad> agents() {
        List<AgentLoad[]> parts = state.agentLoad(AgentLoad[].class, this::roster);
        Map<String, Long> open = new HashMap<>();
        parts.forEach(part -> Arrays.stream(part).forEach(a -> open.merge(a.id(), a.openCases(), Long::sum)));
        return Arrays.stream(roster(Map.of()))
                .map(a -> new AgentLoad(a.id(), a.team(), a.tier(), a.skills(), a.languages(), open.getOrDefault(a.id(), 0L), a.maxOpenCases()))
                .toList();
    }

    /** The roster with the given open cases per agent (one instance's part: the teams it owns). */
    private AgentLoad[] roster(Map<String, Long> load) {
        return selection.roster().agents().stream().map((Agent a) -> new AgentLoad(a.id(), a.team(), a.tier().name(),
                a.skills().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                a.languages(), load.getOrDefault(a.id(), 0L), selection.capOf(a))).toArray(AgentLoad[]::new);
    }
}

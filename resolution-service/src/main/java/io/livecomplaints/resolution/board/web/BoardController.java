package io.livecomplaints.resolution.board.web;

import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.board.model.TeamBoard;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.config.WorkbenchProperties;
import io.livecomplaints.support.security.Caller;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/teams/{team}/board}: the supervisors' team board (班组看板), from this instance's replica of every
 * case. Supervisors only (a supervisor token with a team claim sees that team's board only); an unknown team is a 400.
 */
@RestController
@PreAuthorize("hasRole('SUPERVISOR')")
class BoardController {

    private final CaseQueries queries;
    private final WorkbenchProperties properties;
    private final Clock clock;

    BoardController(CaseQueries queries, WorkbenchProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/teams/{team}/board")
    TeamBoard board(Caller caller, @PathVariable String team) {
        if (!properties.teams().contains(team)) {
            throw ApiProblem.invalid(Map.of("team", "is not a team: one of " + properties.teams()));
        }
        if (caller.team() != null && !caller.team().equals(team)) {
            throw ApiProblem.forbidden("Not your team", "you supervise team " + caller.team());
        }
        return TeamBoard.of(team, queries.all(c -> team.equals(c.getTeam()) && CaseStateMachine.OPEN.contains(c.getState())),
                clock.instant());
    }
}

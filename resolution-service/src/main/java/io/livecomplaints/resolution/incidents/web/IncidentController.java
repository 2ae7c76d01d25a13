package io.livecomplaints.resolution.incidents.web;

import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.incidents.model.IncidentSummaries;
import io.livecomplaints.support.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/incidents}: the open incidents (flash-sale surges by session, QoS incidents by CDN node), with
 * open and total cases, open cases per type, sessions and age; {@code ?kind=SURGE|QOS}, {@code ?type=LOGISTICS}
 * narrow it. Agents see their team's cases, supervisors every team's.
 */
@RestController
@PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
class IncidentController {

    private final CaseQueries queries;
    private final Clock clock;

    IncidentController(CaseQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/incidents")
    Map<String, Object> incidents(Caller caller, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String type) {
        List<IncidentSummaries.Summary> open = IncidentSummaries.open(queries.all(c -> c.getIncidentId() != null
                && (caller.isSupervisor() || java.util.Objects.equals(caller.team(), c.getTeam()))
                && (type == null || c.getType().name().equals(type))), clock.instant());
        List<IncidentSummaries.Summary> shown = open.stream().filter(s -> kind == null || s.kind().equals(kind)).toList();
        return Map.of("incidents", shown, "count", shown.size());
    }
}

package io.livecomplaints.resolution.incidents.model;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Open incidents (flash-sale surges, CDN/stream QoS incidents) as supervisors act on them: the cases triage grouped
 * under one incident id, with how many are still open, their types and sessions, and how old the incident is. The
 * kind and scope come from triage's incident id ({@code INC-<KIND>-<scope>-<first seen>}, e.g.
 * {@code INC-QOS-cdn-cdn-sh-1-20250601T120000Z}: a CDN node; {@code INC-SURGE-session-S-618-…}: a session). An
 * incident with no open case left is not listed.
 */
public final class IncidentSummaries {

    public record Summary(String incidentId, String kind, String scope, long openCases, long totalCases,
                          Map<String, Long> openByType, List<String> sessions, Instant firstReceivedAt, long ageSeconds) {
    }

    private IncidentSummaries() {
    }

    public static List<Summary> open(List<ComplaintCase> cases, Instant now) {
        Map<String, List<ComplaintCase>> byIncident = cases.stream().filter(c -> c.getIncidentId() != null)
                .collect(Collectors.groupingBy(ComplaintCase::getIncidentId, TreeMap::new, Collectors.toList()));
        return byIncident.entrySet().stream().map(e -> summary(e.getKey(), e.getValue(), now))
                .filter(s -> s.openCases() > 0)
                .sorted(Comparator.comparingLong(Summary::openCases).reversed().thenComparing(Summary::incidentId))
                .toList();
    }

    static Summary summary(String incidentId, List<ComplaintCase> cases, Instant now) {
        List<ComplaintCase> open = cases.stream().filter(c -> CaseStateMachine.OPEN.contains(c.getState())).toList();
        Instant first = cases.stream().map(ComplaintCase::getReceivedAt).min(Comparator.naturalOrder()).orElse(now);
        String[] parts = parse(incidentId);
        return new Summary(incidentId, parts[0], parts[1], open.size(), cases.size(),
                open.stream().collect(Collectors.groupingBy(c -> c.getType().name(), TreeMap::new, Collectors.counting())),
                cases.stream().map(ComplaintCase::getSessionId).filter(s -> s != null).distinct().sorted().toList(),
                first, Math.max(0, Duration.between(first, now).toSeconds()));
    }

    /** {kind, scope} of {@code INC-<KIND>-<scope>-<yyyyMMddTHHmmssZ>}; unknown parts for another shape. */
    static String[] parse(String incidentId) {
        if (!incidentId.startsWith("INC-")) {
            return new String[] {"UNKNOWN", incidentId};
        }
        String rest = incidentId.substring(4);
        int dash = rest.indexOf('-');
        if (dash < 0) {
            return new String[] {rest, ""};
        }
        String kind = rest.substring(0, dash);
        String scope = rest.substring(dash + 1);
        int last = scope.lastIndexOf('-');
        if (last > 0 && scope.substring(last + 1).matches("\\d{8}T\\d{6}Z")) {
            scope = scope.substring(0, last);
        }
        return new String[] {kind, scope};
    }
}

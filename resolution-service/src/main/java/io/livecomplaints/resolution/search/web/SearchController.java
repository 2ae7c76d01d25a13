package io.livecomplaints.resolution.search.web;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.queue.model.AgentQueue;
import io.livecomplaints.resolution.search.model.CaseCriteria;
import io.livecomplaints.resolution.search.model.CasePage;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases}: search and lists over every case, newest first, paged ({@code size} ≤ 200). Agents find
 * their team's cases, supervisors every team's. Every instance answers from its own global replica of
 * complaint-cases (the same one that answers {@code GET /api/v1/cases/{id}}), so the answer does not depend on which
 * instance owns the case's partition.
 */
@RestController
@PreAuthorize("hasRole('AGENT')")
class SearchController {

    static final int MAX_SIZE = 200;

    /** One case in a list: enough to pick it, with the start of the complaint's text. */
    record CaseSummary(String complaintId, CaseState state, ComplaintType type, Severity severity, int priority, String team,
                       String assigneeId, String userId, String orderId, String merchantId, String anchorId, String incidentId,
                       Instant receivedAt, Instant nextDueAt, SlaClock nextClock, int escalationLevel, boolean newInput,
                       String excerpt, long version) {
    }

    record Page(int page, int size, int total, List<CaseSummary> items) {
    }

    private final CaseQueries queries;

    SearchController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/cases")
    Page search(Caller caller, @RequestParam Map<String, String> params) {
        Map<String, String> problems = new LinkedHashMap<>();
        int page = integer(params, "page", 0, problems);
        int size = integer(params, "size", 20, problems);
        if (page < 0) {
            problems.put("page", "must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.put("size", "must be between 1 and " + MAX_SIZE);
        }
        CaseCriteria criteria = new CaseCriteria(params.get("orderId"), params.get("userId"), params.get("merchantId"),
                params.get("anchorId"), params.get("incidentId"), enumOf(CaseState.class, params, "state", problems),
                params.get("team"), params.get("assigneeId"), enumOf(Severity.class, params, "severity", problems),
                enumOf(ComplaintType.class, params, "type", problems), CaseCriteria.words(params.get("q")),
                instant(params, "dueBefore", problems), instant(params, "from", problems), instant(params, "to", problems),
                caller.isSupervisor() ? null : List.of(String.valueOf(caller.team())));
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        CasePage found = CasePage.of(queries.all(criteria::matches), page, size);
        return new Page(found.page(), found.size(), found.total(), found.items().stream().map(SearchController::summary).toList());
    }

    private static CaseSummary summary(ComplaintCase c) {
        SlaClockStatus next = AgentQueue.nextDeadline(c);
        String text = c.getComplaint() == null ? null : c.getComplaint().getText();
        String excerpt = text == null ? null : text.codePointCount(0, text.length()) <= 80 ? text
                : text.substring(0, text.offsetByCodePoints(0, 80)) + "…";
        return new CaseSummary(c.getEnvelope().getComplaintId(), c.getState(), c.getType(), c.getSeverity(), c.getPriority(),
                c.getTeam(), c.getAssigneeId(), c.getUserId(), c.getOrderId(), c.getMerchantId(), c.getAnchorId(), c.getIncidentId(),
                c.getReceivedAt(), next == null ? null : next.getDueAt(), next == null ? null : next.getClock(),
                c.getEscalationLevel(), c.getNewInputAt() != null, excerpt, c.getVersion());
    }

    private static int integer(Map<String, String> params, String name, int fallback, Map<String, String> problems) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.put(name, "must be a whole number");
            return fallback;
        }
    }

    private static Instant instant(Map<String, String> params, String name, Map<String, String> problems) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.put(name, "must be an ISO-8601 instant, e.g. 2026-06-18T12:00:00Z");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, String> params, String name, Map<String, String> problems) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            problems.put(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}

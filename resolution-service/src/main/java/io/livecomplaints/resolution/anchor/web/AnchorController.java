package io.livecomplaints.resolution.anchor.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.cases.model.Appeals;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anchor's side (主播 or their agency, an ANCHOR token naming the anchor): the complaints about their sessions in
 * aggregate only (counts per session, type and state: no complaint text, no users), the penalties on their record,
 * and an appeal (申诉) of a penalty, reviewed by a supervisor like a merchant's ({@code GET /api/v1/appeals}).
 * Another anchor's case is a 404.
 */
@RestController
@PreAuthorize("hasRole('ANCHOR')")
class AnchorController {

    record SessionCount(String sessionId, long complaints, long open, Map<String, Long> byType) {
    }

    record Penalty(String complaintId, String sessionId, String level, Integer durationDays, String reason, String ruleId,
                   Instant decidedAt, String appeal) {
    }

    /** {@code {"reason":"..."}}; {@code anchorId} is only read to refuse it. */
    record AppealRequest(String anchorId, String reason) {
    }

    record AppealAnswer(String complaintId, long version, String about, String status, Instant filedAt) {
    }

    private final CaseQueries queries;
    private final CaseAccess access;
    private final CommandResponses commands;

    AnchorController(CaseQueries queries, CaseAccess access, CommandResponses commands) {
        this.queries = queries;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping("/api/v1/anchor/complaints")
    Map<String, Object> complaints(Caller caller) {
        List<ComplaintCase> cases = own(caller);
        Map<String, List<ComplaintCase>> bySession = cases.stream().collect(Collectors.groupingBy(
                c -> c.getSessionId() == null ? "(unknown session)" : c.getSessionId(), TreeMap::new, Collectors.toList()));
        List<SessionCount> sessions = bySession.entrySet().stream().map(e -> new SessionCount(e.getKey(), e.getValue().size(),
                e.getValue().stream().filter(AnchorController::open).count(), countBy(e.getValue(), c -> c.getType().name()))).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("anchorId", caller.anchorId());
        answer.put("complaints", cases.size());
        answer.put("open", cases.stream().filter(AnchorController::open).count());
        answer.put("byType", countBy(cases, c -> c.getType().name()));
        answer.put("byState", countBy(cases, c -> c.getState().name()));
        answer.put("sessions", sessions);
        return answer;
    }

    @GetMapping("/api/v1/anchor/penalties")
    Map<String, Object> penalties(Caller caller) {
        List<Penalty> penalties = own(caller).stream()
                .filter(c -> c.getDecision() != null && c.getDecision().getRemedy() == Remedy.ANCHOR_PENALTY)
                .sorted(Comparator.comparing(ComplaintCase::getReceivedAt).reversed())
                .map(c -> new Penalty(c.getEnvelope().getComplaintId(), c.getSessionId(),
                        c.getDecision().getAnchorPenalty() == null ? null : c.getDecision().getAnchorPenalty().getLevel().name(),
                        c.getDecision().getAnchorPenalty() == null ? null : c.getDecision().getAnchorPenalty().getDurationDays(),
                        c.getDecision().getReason(), c.getDecision().getRuleId(), Appeals.decidedAt(c).orElse(null),
                        c.getAppeal() == null ? null : c.getAppeal().getStatus()))
                .toList();
        CreditRecord record = queries.credit("ANCHOR:" + caller.anchorId()).orElse(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("anchorId", caller.anchorId());
        answer.put("anchorPenalties", record == null ? 0 : record.getAnchorPenalties());
        answer.put("lastAnchorPenalty", record == null || record.getLastAnchorPenalty() == null ? null
                : Map.of("level", record.getLastAnchorPenalty().getLevel().name(),
                "durationDays", String.valueOf(record.getLastAnchorPenalty().getDurationDays())));
        answer.put("penalties", penalties);
        return answer;
    }

    @PostMapping("/api/v1/anchor/cases/{id}/appeal")
    ResponseEntity<Object> appeal(Caller caller, @PathVariable String id, @RequestBody AppealRequest body) {
        if (body.anchorId() != null) {
            throw ApiProblem.invalid(Map.of("anchorId", "must not be sent: the anchor is the one your token names"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiProblem.invalid(Map.of("reason", "is required: why the penalty should be withdrawn"));
        }
        ComplaintCase c = access.forAnchor(caller, id);
        Actor anchor = Actor.newBuilder().setActorId(caller.anchorId()).setRole(ActorRole.ANCHOR).build();
        return commands.run(c, commands.command(c, anchor, CommandAction.APPEAL, null).setNote(body.reason()).build(),
                after -> new AppealAnswer(id, after.getVersion(), after.getAppeal().getAbout(), after.getAppeal().getStatus(),
                        after.getAppeal().getFiledAt()));
    }

    private List<ComplaintCase> own(Caller caller) {
        String anchorId = caller.anchorId();
        return queries.all(c -> anchorId != null && anchorId.equals(c.getAnchorId()));
    }

    private static boolean open(ComplaintCase c) {
        return CaseStateMachine.OPEN.contains(c.getState());
    }

    private static Map<String, Long> countBy(List<ComplaintCase> cases, java.util.function.Function<ComplaintCase, String> key) {
        return cases.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}

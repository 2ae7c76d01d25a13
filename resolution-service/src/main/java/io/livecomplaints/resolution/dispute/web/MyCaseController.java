package io.livecomplaints.resolution.dispute.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.support.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complainant's view ({@code /api/v1/my/cases/{id}}): where the case stands, the result and its basis; and the
 * dispute (申诉) of a result, which reopens the case. Someone else's case is a 404.
 */
@RestController
@PreAuthorize("hasRole('USER')")
class MyCaseController {

    /** What the user sees: no internal notes, no other people. */
    record MyCase(String complaintId, CaseState state, Instant receivedAt, Instant firstRespondedAt, Instant resolutionDueAt,
                  Remedy remedy, long refundFen, long compensationFen, LiableParty liableParty, String basis,
                  String ruleId, boolean canDispute, int reopenCount, long version, boolean withdrawn, List<Update> updates) {
    }

    /** A progress update the user was told (进度告知) or material they added themselves. */
    record Update(Instant at, String kind, String text) {
    }

    /** The dispute. */
    record Dispute(String reason) {
    }

    /** The timeline steps whose text the user sees: agents' progress updates and the user's own additions. */
    private static final java.util.Set<String> SHARED_UPDATES = java.util.Set.of("PROGRESS_NOTE", "USER_ADDITION");

    private final CaseAccess access;
    private final CommandResponses commands;

    MyCaseController(CaseAccess access, CommandResponses commands) {
        this.access = access;
        this.commands = commands;
    }

    @GetMapping("/api/v1/my/cases/{id}")
    MyCase read(Caller caller, @PathVariable String id) {
        return view(access.forUser(caller, id));
    }

    @PostMapping("/api/v1/my/cases/{id}/dispute")
    ResponseEntity<Object> dispute(Caller caller, @PathVariable String id, @RequestBody(required = false) Dispute body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw ApiProblem.invalid(Map.of("reason", "is required: what you disagree with"));
        }
        ComplaintCase c = access.forUser(caller, id);
        Actor user = Actor.newBuilder().setActorId(caller.id()).setRole(ActorRole.USER).build();
        ResponseEntity<Object> answer = commands.run(c, commands.command(c, user, CommandAction.REOPEN, null)
                .setNote(body.reason()).build(), user);
        if (answer.getStatusCode().value() == 200 && answer.getBody() instanceof io.livecomplaints.resolution.caseview.CaseView) {
            return ResponseEntity.ok(view(access.forUser(caller, id)));
        }
        return answer;
    }

    static MyCase view(ComplaintCase c) {
        var d = c.getDecision();
        boolean decided = c.getState() == CaseState.RESOLVED || c.getState() == CaseState.REJECTED || c.getState() == CaseState.CLOSED;
        return new MyCase(c.getEnvelope().getComplaintId(), c.getState(), c.getReceivedAt(), c.getFirstRespondedAt(),
                c.getResolutionDueAt(), d == null ? null : d.getRemedy(), d == null ? 0 : d.getRefundFen(),
                d == null ? 0 : d.getCompensationFen(), d == null ? null : d.getLiableParty(), d == null ? null : d.getReason(),
                d == null ? null : d.getRuleId(), decided && !c.getWithdrawn(), c.getReopenCount(), c.getVersion(), c.getWithdrawn(),
                c.getTimeline().stream()
                        .filter(t -> !t.getInternal() && SHARED_UPDATES.contains(t.getAction()))
                        .map(t -> new Update(t.getAt(), t.getAction(), t.getNote())).toList());
    }
}

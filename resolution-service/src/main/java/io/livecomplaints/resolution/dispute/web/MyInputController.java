package io.livecomplaints.resolution.dispute.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.caseview.CaseView;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.commands.RequiredText;
import io.livecomplaints.support.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complainant's own input on an open case: {@code POST /api/v1/my/cases/{id}/additions {"text","evidence"}} (补充材料:
 * the agents see it, the queue marks the case as having new input) and {@code POST …/withdraw {"reason"}} (撤诉: the case
 * closes as withdrawn, without an outcome). Someone else's case is a 404; a closed case is a 409.
 */
@RestController
@PreAuthorize("hasRole('USER')")
class MyInputController {

    /** Evidence by reference, as at filing. */
    record EvidenceRef(EvidenceKind kind, String url, Long replayOffsetSeconds, String description) {
    }

    record Addition(String text, List<EvidenceRef> evidence) {
    }

    record Withdrawal(String reason) {
    }

    /** Each addition holds at most this many evidence references. */
    private static final int MAX_EVIDENCE = 10;

    private final CaseAccess access;
    private final CommandResponses commands;
    private final RequiredText required;

    MyInputController(CaseAccess access, CommandResponses commands, RequiredText required) {
        this.access = access;
        this.commands = commands;
        this.required = required;
    }

    @PostMapping("/api/v1/my/cases/{id}/additions")
    ResponseEntity<Object> add(Caller caller, @PathVariable String id, @RequestBody(required = false) Addition body) {
        String text = body == null ? null : body.text();
        List<Evidence> evidence = evidence(body == null ? null : body.evidence());
        if ((text == null || text.isBlank()) && evidence.isEmpty()) {
            throw ApiProblem.invalid(Map.of("text", "is required (or evidence): what you want to add"));
        }
        ComplaintCase c = access.forUser(caller, id);
        Actor user = user(caller);
        return answer(caller, id, commands.run(c, commands.command(c, user, CommandAction.USER_ADDITION, null)
                .setNote(text).setEvidence(evidence).build(), user));
    }

    @PostMapping("/api/v1/my/cases/{id}/withdraw")
    ResponseEntity<Object> withdraw(Caller caller, @PathVariable String id, @RequestBody(required = false) Withdrawal body) {
        String reason = required.of("reason", body == null ? null : body.reason());
        ComplaintCase c = access.forUser(caller, id);
        Actor user = user(caller);
        return answer(caller, id, commands.run(c, commands.command(c, user, CommandAction.WITHDRAW, null).setNote(reason).build(), user));
    }

    private ResponseEntity<Object> answer(Caller caller, String id, ResponseEntity<Object> answer) {
        if (answer.getStatusCode().value() == 200 && answer.getBody() instanceof CaseView) {
            return ResponseEntity.ok(MyCaseController.view(access.forUser(caller, id)));
        }
        return answer;
    }

    private static Actor user(Caller caller) {
        return Actor.newBuilder().setActorId(caller.id()).setRole(ActorRole.USER).build();
    }

    private static List<Evidence> evidence(List<EvidenceRef> refs) {
        List<Evidence> evidence = new ArrayList<>();
        if (refs == null) {
            return evidence;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (refs.size() > MAX_EVIDENCE) {
            problems.put("evidence", "holds at most " + MAX_EVIDENCE + " items");
        }
        for (int i = 0; i < refs.size() && problems.isEmpty(); i++) {
            EvidenceRef r = refs.get(i);
            if (r == null || r.kind() == null) {
                problems.put("evidence[" + i + "].kind", "is required");
            } else if (r.url() == null || r.url().isBlank() || r.url().length() > 2048) {
                problems.put("evidence[" + i + "].url", "is required: where the evidence is kept (at most 2048 characters)");
            } else {
                evidence.add(Evidence.newBuilder().setKind(r.kind()).setUrl(r.url()).setReplayOffsetSeconds(r.replayOffsetSeconds())
                        .setDescription(r.description()).build());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return evidence;
    }
}

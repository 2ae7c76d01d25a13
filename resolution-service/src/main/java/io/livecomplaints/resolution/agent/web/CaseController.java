package io.livecomplaints.resolution.agent.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.resolution.cases.model.AgentDirectory;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.caseview.CaseView;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.schemas.evidence.EvidenceUrls;
import io.livecomplaints.support.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' API on one case ({@code /api/v1/cases/{id}}): read it with its timeline and evidence, and act on it.
 * Each action answers 200 with the case once it shows the step, 202 with the command id if that takes longer than
 * the configured wait, or a problem: 400 incomplete, 403 beyond the caller's authority, 404 not the caller's team,
 * 409 illegal in the case's state or the case changed since the version in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@PreAuthorize("hasRole('AGENT')")
class CaseController {

    private final CaseAccess access;
    private final CommandResponses commands;
    private final CasePolicies policies;

    CaseController(CaseAccess access, CommandResponses commands, CasePolicies policies) {
        this.access = access;
        this.commands = commands;
        this.policies = policies;
    }

    @GetMapping
    CaseView read(Caller caller, @PathVariable String id) {
        ComplaintCase c = access.forAgent(caller, id);
        return CaseView.of(c, commands.allowedFor(c, CaseAccess.agentActor(caller)));
    }

    @PostMapping("/accept")
    ResponseEntity<Object> accept(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.ACCEPT, b -> b.setNote(note(body)));
    }

    @PostMapping("/evidence")
    ResponseEntity<Object> addEvidence(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @RequestBody ActionRequests.EvidenceItem body) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (body.kind() == null) {
            problems.put("kind", "is required");
        }
        EvidenceUrls.problem(body.url()).ifPresent(problem -> problems.put("url", problem));
        if (body.replayOffsetSeconds() != null && body.replayOffsetSeconds() < 0) {
            problems.put("replayOffsetSeconds", "must not be negative");
        }
        failIf(problems);
        Evidence evidence = Evidence.newBuilder().setKind(body.kind()).setUrl(body.url())
                .setReplayOffsetSeconds(body.replayOffsetSeconds()).setDescription(body.description()).build();
        return act(caller, id, ifMatch, CommandAction.ADD_EVIDENCE, b -> b.setEvidence(List.of(evidence)));
    }

    @PostMapping("/merchant-request")
    ResponseEntity<Object> requestMerchant(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @RequestBody DecisionRequest body) {
        ComplaintCase c = access.forAgent(caller, id);
        failIf(body.missing(false, c.getAmountPaidFen()));
        RemedyDecision decision = body.toDecision(LiableParty.MERCHANT, c.getAmountPaidFen());
        return act(caller, c, ifMatch, CommandAction.REQUEST_MERCHANT_RESPONSE, b -> b.setDecision(decision).setNote(body.note()));
    }

    @PostMapping("/proposal")
    ResponseEntity<Object> propose(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @RequestBody DecisionRequest body) {
        return decide(caller, id, ifMatch, CommandAction.PROPOSE_REMEDY, body);
    }

    @PostMapping("/resolve")
    ResponseEntity<Object> resolve(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @RequestBody DecisionRequest body) {
        return decide(caller, id, ifMatch, CommandAction.RESOLVE, body);
    }

    @PostMapping("/approve")
    ResponseEntity<Object> approve(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.APPROVE, b -> b.setNote(note(body)));
    }

    @PostMapping("/deny")
    ResponseEntity<Object> deny(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.DENY, b -> b.setNote(requiredNote(body, "why the proposal is denied")));
    }

    @PostMapping("/escalate")
    ResponseEntity<Object> escalate(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.ESCALATE, b -> b.setNote(requiredNote(body, "why the case needs a higher level")));
    }

    @PostMapping("/reject")
    ResponseEntity<Object> reject(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @RequestBody ActionRequests.Reject body) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (body.ruleId() == null || body.ruleId().isBlank()) {
            problems.put("ruleId", "is required: the platform rule the rejection rests on");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            problems.put("reason", "is required: why, in words the user understands (never just 不符合条件)");
        }
        failIf(problems);
        RemedyDecision rejection = RemedyDecision.newBuilder().setRemedy(io.livecomplaints.events.Remedy.REJECT)
                .setLiableParty(body.liableParty() == null ? LiableParty.NONE : body.liableParty())
                .setReason(body.reason()).setRuleId(body.ruleId()).build();
        return act(caller, id, ifMatch, CommandAction.REJECT, b -> b.setDecision(rejection));
    }

    @PostMapping("/reopen")
    ResponseEntity<Object> reopen(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.REOPEN, b -> b.setNote(requiredNote(body, "what the user disputes")));
    }

    @PostMapping("/close")
    ResponseEntity<Object> close(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                 @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.CLOSE, b -> b.setNote(note(body)));
    }

    @PostMapping("/reassign")
    ResponseEntity<Object> reassign(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestBody ActionRequests.Reassign body) {
        // a malformed id is refused before the case is looked up (the same answer whether it exists or not)
        AgentDirectory.problemWithId(body.agentId()).ifPresent(problem -> failIf(Map.of("agentId", problem)));
        ComplaintCase c = access.forAgent(caller, id);
        policies.agents().problemWithAssignee(body.agentId(), c.getTeam()).ifPresent(problem -> failIf(Map.of("agentId", problem)));
        return act(caller, c, ifMatch, CommandAction.REASSIGN, b -> b.setTargetAgentId(body.agentId()).setNote(body.note()));
    }

    @PostMapping("/progress")
    ResponseEntity<Object> progress(Caller caller, @PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestBody(required = false) ActionRequests.Note body) {
        return act(caller, id, ifMatch, CommandAction.PROGRESS_NOTE, b -> b.setNote(requiredNote(body, "the progress the user is told")));
    }

    private ResponseEntity<Object> decide(Caller caller, String id, String ifMatch, CommandAction action, DecisionRequest body) {
        ComplaintCase c = access.forAgent(caller, id);
        failIf(body.missing(true, c.getAmountPaidFen()));
        RemedyDecision decision = body.toDecision(LiableParty.NONE, c.getAmountPaidFen());
        boolean advance = Boolean.TRUE.equals(body.platformAdvance());
        return act(caller, c, ifMatch, action, b -> b.setDecision(decision).setPlatformAdvance(advance).setNote(body.note()));
    }

    private ResponseEntity<Object> act(Caller caller, String id, String ifMatch, CommandAction action,
                                       java.util.function.Consumer<ComplaintCommand.Builder> details) {
        return act(caller, access.forAgent(caller, id), ifMatch, action, details);
    }

    private ResponseEntity<Object> act(Caller caller, ComplaintCase c, String ifMatch, CommandAction action,
                                       java.util.function.Consumer<ComplaintCommand.Builder> details) {
        Actor actor = CaseAccess.agentActor(caller);
        ComplaintCommand.Builder command = commands.command(c, actor, action, version(ifMatch));
        details.accept(command);
        return commands.run(c, command.build(), actor);
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("\"", "").replace("W/", "").trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(Map.of("If-Match", "must be the case version you read, e.g. \"3\""));
        }
    }

    private static String note(ActionRequests.Note body) {
        return body == null ? null : body.note();
    }

    private static String requiredNote(ActionRequests.Note body, String what) {
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw ApiProblem.invalid(Map.of("note", "is required: " + what));
        }
        return body.note();
    }

    private static void failIf(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }
}

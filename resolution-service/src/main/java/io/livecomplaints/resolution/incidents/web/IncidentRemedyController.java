package io.livecomplaints.resolution.incidents.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.resolution.commands.CommandGateway;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.cases.model.ActorRules;
import io.livecomplaints.resolution.incidents.model.IncidentRemedyPlan;
import io.livecomplaints.support.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/incidents/{incidentId}/remedy}: a supervisor applies one remedy to every open case of an
 * incident ({@link IncidentRemedyPlan}: all within the caller's authority or nothing, 403). Each case gets its own
 * commands on complaint-commands, so its own outcome and notifications; the command ids are derived from the incident,
 * the case, the step and the request, so a retry of the same call applies nothing twice (the case processor skips a
 * command id it has applied).
 */
@RestController
@PreAuthorize("hasRole('SUPERVISOR')")
class IncidentRemedyController {

    record BulkRemedy(Remedy remedy, Long refundFen, Long compensationFen, LiableParty liableParty, String reason, String ruleId,
                      Boolean platformAdvance) {
    }

    record CaseResult(String complaintId, String state, String result) {
    }

    private final CaseQueries queries;
    private final CommandResponses commands;
    private final CommandGateway gateway;
    private final CasePolicies policies;

    IncidentRemedyController(CaseQueries queries, CommandResponses commands, CommandGateway gateway, CasePolicies policies) {
        this.queries = queries;
        this.commands = commands;
        this.gateway = gateway;
        this.policies = policies;
    }

    @PostMapping("/api/v1/incidents/{incidentId}/remedy")
    Map<String, Object> apply(Caller caller, @PathVariable String incidentId, @RequestBody BulkRemedy body) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (body.remedy() == null) {
            missing.put("remedy", "is required");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            missing.put("reason", "is required: the basis of the decision, in words the users understand");
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid(missing);
        }
        List<ComplaintCase> open = queries.all(c -> incidentId.equals(c.getIncidentId()) && CaseStateMachine.OPEN.contains(c.getState()));
        if (open.isEmpty() && queries.all(c -> incidentId.equals(c.getIncidentId())).isEmpty()) {
            throw CaseAccess.notFound(incidentId);
        }
        Actor supervisor = CaseAccess.agentActor(caller);
        RemedyDecision template = RemedyDecision.newBuilder().setRemedy(body.remedy())
                .setLiableParty(body.liableParty() == null ? LiableParty.PLATFORM : body.liableParty())
                .setReason(body.reason()).setRuleId(body.ruleId()).build();
        IncidentRemedyPlan.Plan plan = IncidentRemedyPlan.plan(open, body.remedy(), body.refundFen(),
                body.compensationFen() == null ? 0 : body.compensationFen(), template, ActorRules.tierOf(supervisor), policies);
        if (!plan.invalid().isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            plan.invalid().forEach((id, problems) -> problems.forEach((field, problem) -> fields.putIfAbsent(field, problem + " (case " + id + ")")));
            throw ApiProblem.invalid(fields);
        }
        if (!plan.aboveAuthority().isEmpty()) {
            throw ApiProblem.forbidden("Not within your authority", "the remedy exceeds the "
                    + ActorRules.tierOf(supervisor) + " limit for " + plan.aboveAuthority().size() + " case(s) of " + incidentId
                    + ": nothing was applied").with("cases", plan.aboveAuthority());
        }
        String request = UUID.nameUUIDFromBytes(body.toString().getBytes(StandardCharsets.UTF_8)).toString();
        List<CaseResult> results = new ArrayList<>();
        for (IncidentRemedyPlan.Step step : plan.steps()) {
            ComplaintCase c = step.c();
            String id = c.getEnvelope().getComplaintId();
            if (step.skipped() != null) {
                results.add(new CaseResult(id, c.getState().name(), step.skipped()));
                continue;
            }
            CommandGateway.Result last = null;
            for (CommandAction action : step.actions()) {
                ComplaintCommand.Builder command = commands.command(c, supervisor, action, null).setExpectedVersion(null)
                        .setNote("incident " + incidentId);
                Envelope envelope = command.getEnvelope();
                command.setEnvelope(Envelope.newBuilder(envelope).setEventId(UUID.nameUUIDFromBytes(
                        (incidentId + "|" + id + "|" + action + "|" + request).getBytes(StandardCharsets.UTF_8)).toString()).build());
                if (action == CommandAction.RESOLVE) {
                    command.setDecision(step.decision()).setPlatformAdvance(Boolean.TRUE.equals(body.platformAdvance()));
                }
                last = gateway.submit(command.build());
                if (last.refused()) {
                    break;
                }
            }
            results.add(new CaseResult(id, last == null || last.after() == null ? c.getState().name() : last.after().getState().name(),
                    last == null ? "not applied" : last.pending() ? "PENDING" : last.refused() ? "refused: " + last.step().getNote() : "applied"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", incidentId);
        answer.put("openCases", open.size());
        answer.put("applied", results.stream().filter(r -> r.result().equals("applied")).count());
        answer.put("cases", results);
        return answer;
    }
}

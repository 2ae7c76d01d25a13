package io.livecomplaints.resolution.corrections.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.commands.RequiredText;
import io.livecomplaints.resolution.config.WorkbenchProperties;
import io.livecomplaints.support.security.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of a misrouted case by an agent of its team or a supervisor: {@code POST /api/v1/cases/{id}/transfer
 * {"team","reason"}} (to a configured team; it waits there unassigned) and {@code POST …/reclassify {"type","reason"}}.
 * An unknown team or type is a 400 naming the field; the team or type the case already has is a 409.
 */
@RestController
@PreAuthorize("hasRole('AGENT')")
class CorrectionController {

    record Transfer(String team, String reason) {
    }

    record Reclassify(ComplaintType type, String reason) {
    }

    private final CaseAccess access;
    private final CommandResponses commands;
    private final RequiredText required;
    private final WorkbenchProperties properties;

    CorrectionController(CaseAccess access, CommandResponses commands, RequiredText required, WorkbenchProperties properties) {
        this.access = access;
        this.commands = commands;
        this.required = required;
        this.properties = properties;
    }

    @PostMapping("/api/v1/cases/{id}/transfer")
    ResponseEntity<Object> transfer(Caller caller, @PathVariable String id, @RequestBody(required = false) Transfer body) {
        String team = body == null ? null : body.team();
        if (team == null || team.isBlank()) {
            throw ApiProblem.invalid(Map.of("team", "is required: one of " + properties.teams()));
        }
        if (!properties.teams().contains(team)) {
            throw ApiProblem.invalid(Map.of("team", "is not a team: one of " + properties.teams()));
        }
        String reason = required.of("reason", body.reason());
        ComplaintCase c = access.forAgent(caller, id);
        Actor actor = CaseAccess.agentActor(caller);
        return commands.run(c, commands.command(c, actor, CommandAction.TRANSFER, null).setTargetTeam(team).setNote(reason).build(), actor);
    }

    @PostMapping("/api/v1/cases/{id}/reclassify")
    ResponseEntity<Object> reclassify(Caller caller, @PathVariable String id, @RequestBody(required = false) Reclassify body) {
        if (body == null || body.type() == null) {
            throw ApiProblem.invalid(Map.of("type", "is required: one of " + java.util.Arrays.toString(ComplaintType.values())));
        }
        String reason = required.of("reason", body.reason());
        ComplaintCase c = access.forAgent(caller, id);
        Actor actor = CaseAccess.agentActor(caller);
        return commands.run(c, commands.command(c, actor, CommandAction.RECLASSIFY, null).setTargetType(body.type()).setNote(reason).build(), actor);
    }
}

package io.livecomplaints.resolution.notes.web;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.caseview.CaseAccess;
import io.livecomplaints.resolution.commands.CommandResponses;
import io.livecomplaints.resolution.commands.RequiredText;
import io.livecomplaints.support.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/cases/{id}/notes {"text"}}: an internal note between agents (内部备注). It is on the case's timeline
 * as {@code INTERNAL}, never in the user's view, a notification or an outcome; what the user is told is
 * {@code POST …/progress}.
 */
@RestController
@PreAuthorize("hasRole('AGENT')")
class NoteController {

    record NoteRequest(String text) {
    }

    private final CaseAccess access;
    private final CommandResponses commands;
    private final RequiredText required;

    NoteController(CaseAccess access, CommandResponses commands, RequiredText required) {
        this.access = access;
        this.commands = commands;
        this.required = required;
    }

    @PostMapping("/api/v1/cases/{id}/notes")
    ResponseEntity<Object> note(Caller caller, @PathVariable String id, @RequestBody(required = false) NoteRequest body) {
        String text = required.of("text", body == null ? null : body.text());
        ComplaintCase c = access.forAgent(caller, id);
        Actor actor = CaseAccess.agentActor(caller);
        return commands.run(c, commands.command(c, actor, CommandAction.INTERNAL_NOTE, null).setNote(text).build(), actor);
    }
}

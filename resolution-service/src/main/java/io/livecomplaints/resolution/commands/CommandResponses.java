package io.livecomplaints.resolution.commands;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.resolution.cases.model.ActorRules;
import io.livecomplaints.resolution.cases.model.CaseCommands;
import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.cases.model.CaseStateMachine;
import io.livecomplaints.resolution.cases.model.Refusal;
import io.livecomplaints.resolution.caseview.CaseView;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.support.web.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs a command for the API: checks it against the current case with the same rules the processor applies (a fast,
 * clear answer: 409 illegal transition or stale version, 403 authority, 400 incomplete), writes it, and answers 200
 * with the case once it shows the step, 202 with the command id if it does not within the wait, or the processor's
 * refusal.
 */
@Component
public class CommandResponses {

    private final CommandGateway gateway;
    private final CasePolicies policies;
    private final Clock clock;

    public CommandResponses(CommandGateway gateway, CasePolicies policies, Clock clock) {
        this.gateway = gateway;
        this.policies = policies;
        this.clock = clock;
    }

    /** A command on {@code c} by {@code actor}, expecting the case at {@code expectedVersion} (the current one if null). */
    public ComplaintCommand.Builder command(ComplaintCase c, Actor actor, CommandAction action, Long expectedVersion) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return ComplaintCommand.newBuilder()
                .setEnvelope(Envelopes.following(c.getEnvelope(), Parties.RESOLUTION, now))
                .setActor(actor)
                .setAction(action)
                .setExpectedVersion(expectedVersion != null ? expectedVersion : c.getVersion());
    }

    public ResponseEntity<Object> run(ComplaintCase c, ComplaintCommand command, Actor viewer) {
        return run(c, command, after -> CaseView.of(after, allowedFor(after, viewer)));
    }

    /** As {@link #run(ComplaintCase, ComplaintCommand, Actor)}, answering with {@code view} of the changed case (e.g. a merchant's). */
    public ResponseEntity<Object> run(ComplaintCase c, ComplaintCommand command, java.util.function.Function<ComplaintCase, Object> view) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CaseCommands.check(c, command, policies, now).ifPresent(r -> {
            throw refused(r, command.getEnvelope().getEventId());
        });
        CommandGateway.Result result = gateway.submit(command);
        if (result.pending()) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/cases/" + c.getEnvelope().getComplaintId()))
                    .body(Map.of("commandId", result.commandId(), "complaintId", c.getEnvelope().getComplaintId(),
                            "status", "PENDING"));
        }
        result.refusal().ifPresent(r -> {
            throw refused(r, result.commandId());
        });
        return ResponseEntity.ok().header("X-Command-Id", result.commandId())
                .body(view.apply(result.after()));
    }

    /** The actions the viewer may take on the case now (for the workbench's buttons). */
    public Set<CommandAction> allowedFor(ComplaintCase c, Actor viewer) {
        Set<CommandAction> allowed = EnumSet.noneOf(CommandAction.class);
        for (CommandAction action : CaseStateMachine.allowedIn(c.getState())) {
            if (ActorRules.check(c, viewer, action).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private static ApiProblem refused(Refusal refusal, String commandId) {
        ApiProblem problem = switch (refusal.kind()) {
            case FORBIDDEN -> ApiProblem.forbidden("Not within your authority", refusal.reason());
            case INVALID -> ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid command", refusal.reason());
            case STALE_VERSION -> ApiProblem.conflict("The case changed", refusal.reason());
            case CASE_FULL -> ApiProblem.conflict("The case is full", refusal.reason());
            case NO_CHANGE -> ApiProblem.conflict("Nothing to change", refusal.reason());
            case ILLEGAL_TRANSITION -> ApiProblem.conflict("Illegal transition", refusal.reason());
        };
        if (!refusal.fields().isEmpty()) {
            problem.errors(refusal.fields().entrySet().stream()
                    .map(e -> new ApiProblem.FieldError(e.getKey(), e.getValue())).toList());
        }
        return problem.with("refusal", refusal.kind().name()).with("commandId", commandId);
    }
}

package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.resolution.credit.model.CreditDeltas;
import java.time.Instant;
import java.util.Optional;

/**
 * The user disputes a result (REOPENED): the case returns to its agent with a new resolution clock, counts as a
 * dispute against the merchant and anchor, and its reopenCount grows. A satisfaction survey (回访) answer goes into
 * the merchant's and anchor's records; an unhappy answer that asks for it reopens the case.
 */
public final class CaseDisputes {

    private CaseDisputes() {
    }

    static Optional<Refusal> reopen(CaseChange change, String actorId, String reason, CasePolicies policies) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(Refusal.invalid("a dispute needs its reason"));
        }
        ComplaintCase c = change.before();
        change.next().setReopenCount(c.getReopenCount() + 1);
        change.startClock(policies.sla().resolutionClock(c, change.at()));
        change.next().setResolutionDueAt(change.next().getSlaClocks().stream()
                .filter(s -> s.getClock() == io.livecomplaints.events.SlaClock.RESOLUTION).findFirst().get().getDueAt());
        change.credit(CreditDeltas.forDispute(c, change.envelope()));
        change.step("REOPEN", CaseState.REOPENED, actorId, reason);
        return Optional.empty();
    }

    /** A survey answer for the case (the survey's eventId makes it idempotent like a command). */
    public static CaseChange survey(ComplaintCase c, SurveyResponse survey, CasePolicies policies, Instant now) {
        String action = "SURVEY";
        if (!survey.getUserId().equals(c.getUserId())) {
            return CaseChange.refused(c, survey.getEnvelope(), action, survey.getUserId(),
                    Refusal.forbidden("the survey answer is not from the complainant"), now);
        }
        CaseChange change = CaseChange.of(c, survey.getEnvelope(), now, survey.getEnvelope().getEventId());
        change.credit(CreditDeltas.forSatisfaction(c, survey.getScore(), change.envelope()));
        change.note(action, survey.getUserId(), "satisfaction " + survey.getScore() + "/5");
        if (survey.getReopenRequested()) {
            Actor user = Actor.newBuilder().setActorId(survey.getUserId()).setRole(ActorRole.USER).build();
            Optional<Refusal> refused = CaseStateMachine.check(c.getState(), CommandAction.REOPEN)
                    .or(() -> ActorRules.check(c, user, CommandAction.REOPEN))
                    .or(() -> reopen(change, survey.getUserId(), survey.getComment() == null || survey.getComment().isBlank()
                            ? "unhappy with the result (survey score " + survey.getScore() + ")" : survey.getComment(), policies));
            refused.ifPresent(r -> change.refusedStep("REOPEN", survey.getUserId(), r));
        }
        return change;
    }

    /** Whether a case in this state can still be disputed. */
    public static boolean disputable(CaseState state) {
        return state == CaseState.RESOLVED || state == CaseState.REJECTED || state == CaseState.CLOSED;
    }
}

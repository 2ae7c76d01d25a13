package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.schemas.evidence.EvidenceUrls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies an agent, merchant, user or system command to a case, or refuses it: a stale expected version, an
 * illegal transition ({@link CaseStateMachine}), an actor without the right ({@link ActorRules}, the ladder in
 * {@link CaseDecisions}) or an incomplete command. The first step of an agent answers the first-response clock.
 */
public final class CaseCommands {

    private CaseCommands() {
    }

    /**
     * The refusal the command would meet on this case, without changing anything (the API's early answer): the
     * processor's refusal, or CASE_FULL when the changed case would be too large to write (which the processor
     * dead-letters).
     */
    public static Optional<Refusal> check(ComplaintCase c, ComplaintCommand command, CasePolicies policies, Instant now) {
        CaseChange change = handle(c, command, policies, now);
        return change.refusal().or(() -> policies.size().tooLarge(change.result()).map(Refusal::caseFull));
    }

    public static CaseChange handle(ComplaintCase c, ComplaintCommand command, CasePolicies policies, Instant now) {
        Actor actor = command.getActor();
        String action = command.getAction().name();
        Optional<Refusal> refused = checkVersion(c, command)
                .or(() -> CaseStateMachine.check(c.getState(), command.getAction()))
                .or(() -> ActorRules.check(c, actor, command.getAction()))
                .or(() -> policies.size().check(c, command));
        if (refused.isPresent()) {
            return CaseChange.refused(c, command.getEnvelope(), action, actor.getActorId(), refused.get(), now);
        }
        CaseChange change = CaseChange.of(c, command.getEnvelope(), now, command.getEnvelope().getEventId());
        if (ActorRules.isAgent(actor) && c.getNewInputAt() != null) {
            change.next().setNewInputAt(null); // an agent acted on the case since the user's addition
        }
        if (ActorRules.isAgent(actor) && answersFirstResponse(command.getAction()) && c.getFirstRespondedAt() == null) {
            change.next().setFirstRespondedAt(now);
            change.setClocks(SlaClocks.met(change.clocks(), SlaClock.FIRST_RESPONSE, now));
        }
        refused = apply(change, command, policies);
        if (refused.isPresent()) {
            return CaseChange.refused(c, command.getEnvelope(), action, actor.getActorId(), refused.get(), now);
        }
        return change;
    }

    /** Evidence, internal notes and routing corrections are work on the case, not an answer to the user. */
    private static boolean answersFirstResponse(CommandAction action) {
        return action != CommandAction.ADD_EVIDENCE && action != CommandAction.INTERNAL_NOTE
                && action != CommandAction.TRANSFER && action != CommandAction.RECLASSIFY;
    }

    private static Optional<Refusal> checkVersion(ComplaintCase c, ComplaintCommand command) {
        Long expected = command.getExpectedVersion();
        if (expected == null || expected == c.getVersion()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Refusal.Kind.STALE_VERSION, "the case changed since version " + expected
                + " (now version " + c.getVersion() + "): reload it and decide again"));
    }

    private static Optional<Refusal> apply(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        String actorId = command.getActor().getActorId();
        switch (command.getAction()) {
            case ACCEPT:
                change.next().setAssigneeId(actorId);
                change.step("ACCEPT", CaseState.IN_PROGRESS, actorId, command.getNote());
                return Optional.empty();
            case REASSIGN:
                return reassign(change, command, policies);
            case ADD_EVIDENCE:
                return addEvidence(change, command, policies);
            case PROGRESS_NOTE:
                if (blank(command.getNote())) {
                    return Optional.of(Refusal.invalid("a progress note needs its text (note)"));
                }
                change.note("PROGRESS_NOTE", actorId, command.getNote());
                return Optional.empty();
            case ESCALATE:
                if (blank(command.getNote())) {
                    return Optional.of(Refusal.invalid("an escalation needs its reason (note)"));
                }
                int level = change.before().getEscalationLevel() + 1;
                change.next().setEscalationLevel(level);
                change.step("ESCALATE", CaseState.ESCALATED, actorId, "level " + level + ": " + command.getNote());
                return Optional.empty();
            case REQUEST_MERCHANT_RESPONSE:
                return MerchantRequests.request(change, command, policies);
            case MERCHANT_RESPONDED:
                return MerchantRequests.answer(change, command, policies);
            case PROPOSE_REMEDY:
                return CaseDecisions.propose(change, command, policies);
            case RESOLVE:
                return CaseDecisions.resolve(change, command, policies);
            case APPROVE:
                return CaseDecisions.approve(change, command);
            case DENY:
                return CaseDecisions.deny(change, command);
            case REJECT:
                return CaseDecisions.reject(change, command);
            case REOPEN:
                if (change.before().getWithdrawn()) {
                    return Optional.of(Refusal.illegal("the user withdrew this complaint: it is not reopened (a new complaint is filed instead)"));
                }
                return CaseDisputes.reopen(change, actorId, command.getNote(), policies);
            case CLOSE:
                change.step("CLOSE", CaseState.CLOSED, actorId, command.getNote());
                return Optional.empty();
            case INTERNAL_NOTE:
                if (blank(command.getNote())) {
                    return Optional.of(Refusal.invalid("a note needs its text (note)"));
                }
                change.internalNote("INTERNAL_NOTE", actorId, command.getNote());
                return Optional.empty();
            case USER_ADDITION:
                return UserInput.addition(change, command, policies);
            case WITHDRAW:
                return UserInput.withdraw(change, command);
            case TRANSFER:
                return CaseCorrections.transfer(change, command);
            case RECLASSIFY:
                return CaseCorrections.reclassify(change, command);
            case APPEAL:
                return Appeals.file(change, command, policies.appeals());
            case APPEAL_UPHELD:
                return Appeals.decide(change, command, false);
            case APPEAL_OVERTURNED:
                return Appeals.decide(change, command, true);
            default:
                return Optional.of(Refusal.invalid("unknown action " + command.getAction()));
        }
    }

    private static Optional<Refusal> reassign(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        String target = command.getTargetAgentId();
        Optional<String> problem = policies.agents().problemWithAssignee(target, change.before().getTeam());
        if (problem.isPresent()) {
            return Optional.of(Refusal.invalid("targetAgentId " + problem.get()));
        }
        change.next().setAssigneeId(target);
        change.step("REASSIGN", CaseState.ASSIGNED, command.getActor().getActorId(), "→ " + target
                + (blank(command.getNote()) ? "" : ": " + command.getNote()));
        return Optional.empty();
    }

    private static Optional<Refusal> addEvidence(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        if (command.getEvidence().isEmpty()) {
            return Optional.of(Refusal.invalid("evidence is required"));
        }
        String actorId = command.getActor().getActorId();
        List<Evidence> added = new ArrayList<>();
        for (Evidence e : command.getEvidence()) {
            Optional<String> badUrl = EvidenceUrls.problem(e.getUrl());
            if (badUrl.isPresent()) {
                return Optional.of(Refusal.invalid("evidence url " + badUrl.get()));
            }
            added.add(Evidence.newBuilder(e).setAddedBy(actorId).setCapturedAt(e.getCapturedAt() == null ? change.at() : e.getCapturedAt()).build());
        }
        List<Evidence> all = new ArrayList<>(change.before().getEvidence());
        all.addAll(added);
        change.next().setEvidence(all);
        change.retain(policies.replayRetention().forEvidence(change.before(), added, change.at(), change.envelope()));
        change.note("ADD_EVIDENCE", actorId, added.size() + " item(s): " + added.stream().map(e -> e.getKind().name()).toList());
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

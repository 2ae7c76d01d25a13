package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.ActorRole;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may act on a case. Agents act only on their team's cases, supervisors on every team's. Working a case
 * (decisions, merchant requests, notes, escalation, reassignment, closing) is for its assignee or a supervisor;
 * anyone of the team may take an unassigned, escalated or reopened case, add evidence or internal notes, and correct a
 * misrouting (transfer, reclassify). The complainant may add material to, withdraw or dispute their own case. Only the
 * merchant the case is about (its MERCHANT token) answers a merchant request; the user who filed it (dispute, survey)
 * or a supervisor on their behalf reopens a result, never a plain agent; the system closes quiet cases. Approval
 * rights are the ladder's: see {@link CaseDecisions}.
 */
public final class ActorRules {

    /** What a complainant may do with their own case. */
    private static final java.util.Set<CommandAction> USER_ACTIONS =
            java.util.EnumSet.of(CommandAction.REOPEN, CommandAction.USER_ADDITION, CommandAction.WITHDRAW);

    private ActorRules() {
    }

    public static Optional<Refusal> check(ComplaintCase c, Actor actor, CommandAction action) {
        ActorRole role = actor.getRole();
        if (action == CommandAction.APPEAL || action == CommandAction.APPEAL_UPHELD || action == CommandAction.APPEAL_OVERTURNED) {
            return io.livecomplaints.resolution.cases.model.Appeals.actorCheck(c, actor, action);
        }
        if (action == CommandAction.MERCHANT_RESPONDED) {
            // the merchant the case is about, as its token names it (never a system speaking for any merchant)
            return role == ActorRole.MERCHANT && actor.getActorId().equals(c.getMerchantId()) ? Optional.empty()
                    : Optional.of(Refusal.forbidden("only the merchant of the case answers a merchant request"));
        }
        if (role == ActorRole.ANCHOR) {
            return Optional.of(Refusal.forbidden("an anchor only appeals a penalty"));
        }
        if (role == ActorRole.MERCHANT) {
            return Optional.of(Refusal.forbidden("a merchant only answers merchant requests"));
        }
        if (role == ActorRole.USER) {
            boolean own = actor.getActorId().equals(c.getUserId());
            return own && USER_ACTIONS.contains(action) ? Optional.empty()
                    : Optional.of(Refusal.forbidden("a user may only dispute, add to or withdraw their own complaint"));
        }
        if (USER_ACTIONS.contains(action) && action != CommandAction.REOPEN) {
            return Optional.of(Refusal.forbidden("only the complainant may " + action));
        }
        if (role == ActorRole.SYSTEM) {
            return action == CommandAction.REOPEN || action == CommandAction.CLOSE || action == CommandAction.PROGRESS_NOTE
                    ? Optional.empty() : Optional.of(Refusal.forbidden(role + " may not " + action));
        }
        boolean supervisor = role == ActorRole.SUPERVISOR;
        if (!supervisor && !Objects.equals(actor.getTeam(), c.getTeam())) {
            return Optional.of(Refusal.forbidden("the case belongs to team " + c.getTeam()));
        }
        boolean assignee = actor.getActorId().equals(c.getAssigneeId());
        switch (action) {
            case ACCEPT:
                return c.getState() == CaseState.ASSIGNED && c.getAssigneeId() != null && !assignee && !supervisor
                        ? Optional.of(Refusal.forbidden("the case is assigned to " + c.getAssigneeId()))
                        : Optional.empty();
            case ADD_EVIDENCE:
            case INTERNAL_NOTE:
            case TRANSFER:
            case RECLASSIFY:
            case APPROVE:
            case DENY:
                return Optional.empty();
            case REOPEN:
                // reopening is the user's dispute; an agent who could reopen their own decision could decide again
                // and again, so only a supervisor reopens on the user's behalf (the ladder still counts every outcome)
                return supervisor ? Optional.empty()
                        : Optional.of(Refusal.forbidden("a decided case is reopened by the user's dispute or by a supervisor"));
            default:
                return assignee || supervisor ? Optional.empty()
                        : Optional.of(Refusal.forbidden("only the assignee (" + c.getAssigneeId() + ") or a supervisor may " + action));
        }
    }

    /** The ladder tier an actor acts at: as given; an agent without one is JUNIOR, a supervisor SUPERVISOR. */
    public static AgentTier tierOf(Actor actor) {
        if (actor.getTier() != null) {
            return actor.getTier();
        }
        return actor.getRole() == ActorRole.SUPERVISOR ? AgentTier.SUPERVISOR : AgentTier.JUNIOR;
    }

    /** Whether the actor is a person handling complaints (their first step is the case's first response). */
    public static boolean isAgent(Actor actor) {
        return actor.getRole() == ActorRole.AGENT || actor.getRole() == ActorRole.SUPERVISOR;
    }
}

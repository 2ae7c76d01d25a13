package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.resolution.credit.model.CreditDeltas;
import io.livecomplaints.resolution.outcomes.model.Outcomes;
import io.livecomplaints.resolution.remedies.model.AuthorityLadder;
import io.livecomplaints.resolution.remedies.model.GrantedTotal;
import io.livecomplaints.resolution.remedies.model.RemedyRules;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import java.util.Map;
import java.util.Optional;

/**
 * Remedy decisions under the authority ladder. Resolving within one's tier decides at once; above it, or when
 * proposing, the case goes to AWAITING_APPROVAL for the next tier able to grant the remedy. The limit bounds what
 * the case pays in total ({@link GrantedTotal}: this decision plus every earlier RESOLVED outcome of the case, so a
 * reopened case cannot pay a tier's limit once per round). Approving needs that tier and is never done by the
 * proposer; denying sends the case back to work. A rejection names the rule it rests on. Platform advance (先行赔付)
 * needs money to pay and a merchant to recover it from.
 */
public final class CaseDecisions {

    private CaseDecisions() {
    }

    static Optional<Refusal> propose(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        return checkGrant(change, command, policies).or(() -> toApproval(change, command, policies, "PROPOSE_REMEDY"));
    }

    static Optional<Refusal> resolve(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        Optional<Refusal> invalid = checkGrant(change, command, policies);
        if (invalid.isPresent()) {
            return invalid;
        }
        Actor actor = command.getActor();
        AgentTier tier = ActorRules.tierOf(actor);
        // the ladder bounds what the whole case pays: earlier outcomes (before a dispute reopened it) count
        if (!policies.ladder().canGrant(tier, GrantedTotal.after(change.before(), command.getDecision()))) {
            return toApproval(change, command, policies, "RESOLVE");
        }
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.HANDLING_PLAN, change.at()));
        conclude(change, OutcomeResult.RESOLVED, command.getDecision(), actor.getActorId(), "RESOLVE",
                command.getNote(), null, command.getPlatformAdvance(), false);
        return Optional.empty();
    }

    static Optional<Refusal> approve(CaseChange change, ComplaintCommand command) {
        Optional<Refusal> forbidden = checkApprover(change.before(), command.getActor());
        if (forbidden.isPresent()) {
            return forbidden;
        }
        ComplaintCase c = change.before();
        conclude(change, OutcomeResult.RESOLVED, c.getPendingDecision(), command.getActor().getActorId(),
                "APPROVE", "approved the proposal of " + c.getPendingProposedBy() + note(command), null,
                c.getPlatformAdvanced(), false);
        return Optional.empty();
    }

    static Optional<Refusal> deny(CaseChange change, ComplaintCommand command) {
        Optional<Refusal> forbidden = checkApprover(change.before(), command.getActor());
        if (forbidden.isPresent()) {
            return forbidden;
        }
        if (blank(command.getNote())) {
            return Optional.of(Refusal.invalid("a denial needs its reason (note)"));
        }
        change.next().setPendingDecision(null).setPendingProposedBy(null).setRequiredTier(null).setPlatformAdvanced(false);
        change.step("DENY", CaseState.IN_PROGRESS, command.getActor().getActorId(), command.getNote());
        return Optional.empty();
    }

    static Optional<Refusal> reject(CaseChange change, ComplaintCommand command) {
        Map<String, String> problems = RemedyRules.checkRejection(command.getDecision());
        if (!problems.isEmpty()) {
            return Optional.of(Refusal.invalid(problems));
        }
        RemedyDecision given = command.getDecision();
        RemedyDecision rejection = RemedyDecision.newBuilder().setRemedy(Remedy.REJECT).setRefundFen(0).setCompensationFen(0)
                .setLiableParty(given.getLiableParty() == null ? LiableParty.NONE : given.getLiableParty())
                .setReason(given.getReason()).setRuleId(given.getRuleId()).build();
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.HANDLING_PLAN, change.at()));
        conclude(change, OutcomeResult.REJECTED, rejection, command.getActor().getActorId(), "REJECT",
                "rule " + given.getRuleId(), null, false, false);
        return Optional.empty();
    }

    /**
     * Ends the case with a decision: RESOLVED or REJECTED, resolution and plan clocks met, the public outcome, the
     * credit deltas; it closes by itself if nobody disputes it ({@link CaseTimers}).
     */
    static void conclude(CaseChange change, OutcomeResult result, RemedyDecision decision,
                         String decidedBy, String action, String note, String fastPath, boolean platformAdvanced,
                         boolean autoApproved) {
        ComplaintCase before = change.before();
        RemedyDecision previous = before == null ? null : before.getDecision();
        change.next().setDecision(decision).setPendingDecision(null).setPendingProposedBy(null).setRequiredTier(null)
                .setMerchantRequestedAt(null).setFastPath(fastPath).setPlatformAdvanced(platformAdvanced)
                .setAutoApproved(autoApproved);
        if (result == OutcomeResult.RESOLVED) {
            GrantedTotal total = GrantedTotal.after(before, decision);
            change.next().setGrantedRefundFen(total.refundFen()).setGrantedCompensationFen(total.compensationFen());
        }
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.RESOLUTION, change.at()));
        change.step(action, result == OutcomeResult.RESOLVED ? CaseState.RESOLVED : CaseState.REJECTED, decidedBy, note);
        ComplaintCase decided = change.next().build();
        change.outcome(Outcomes.of(decided, result, decidedBy, change.at(), change.envelope()));
        change.credit(CreditDeltas.forOutcome(decided, result, decision, platformAdvanced, previous, change.envelope()));
    }

    private static Optional<Refusal> toApproval(CaseChange change, ComplaintCommand command, CasePolicies policies,
                                                String action) {
        Actor actor = command.getActor();
        AgentTier tier = ActorRules.tierOf(actor);
        GrantedTotal total = GrantedTotal.after(change.before(), command.getDecision());
        Optional<AgentTier> approver = policies.ladder().approverTier(tier, total);
        if (approver.isEmpty()) {
            return Optional.of(Refusal.invalid("no tier above " + tier + " can grant this remedy"));
        }
        change.next().setPendingDecision(command.getDecision()).setPendingProposedBy(actor.getActorId())
                .setRequiredTier(approver.get()).setPlatformAdvanced(command.getPlatformAdvance());
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.HANDLING_PLAN, change.at()));
        change.step(action, CaseState.AWAITING_APPROVAL, actor.getActorId(), command.getDecision().getRemedy() + " "
                + RemedyRules.moneyFen(command.getDecision()) + " fen needs " + approver.get() + " approval"
                + (tier == approver.get() ? "" : " (above the " + tier + " limit)")
                + (GrantedTotal.soFar(change.before()).isNone() ? "" : "; the case would pay " + total + " in all")
                + note(command));
        return Optional.empty();
    }

    private static Optional<Refusal> checkGrant(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        ComplaintCase c = change.before();
        Map<String, String> problems = RemedyRules.checkGrant(command.getDecision(), c.getAmountPaidFen(), policies.basis(),
                policies.penalties());
        if (!problems.isEmpty()) {
            return Optional.of(Refusal.invalid(problems));
        }
        if (command.getPlatformAdvance()) {
            if (c.getMerchantId() == null) {
                return Optional.of(Refusal.invalid("platform advance needs a merchant to recover the money from"));
            }
            if (RemedyRules.moneyFen(command.getDecision()) == 0) {
                return Optional.of(Refusal.invalid("platform advance needs a refund or compensation to pay"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkApprover(ComplaintCase c, Actor actor) {
        if (actor.getActorId().equals(c.getPendingProposedBy())) {
            return Optional.of(Refusal.forbidden("nobody approves or denies their own proposal"));
        }
        AgentTier tier = ActorRules.tierOf(actor);
        if (c.getRequiredTier() != null && !AuthorityLadder.atLeast(tier, c.getRequiredTier())) {
            return Optional.of(Refusal.forbidden("this remedy needs " + c.getRequiredTier() + " authority; you act at " + tier));
        }
        return Optional.empty();
    }

    private static String note(ComplaintCommand command) {
        return blank(command.getNote()) ? "" : ": " + command.getNote();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

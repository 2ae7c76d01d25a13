package io.livecomplaints.resolution.cases.model;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.credit.model.CreditDeltas;
import io.livecomplaints.resolution.regulator.model.RegulatorDeadlineCap;
import io.livecomplaints.resolution.remedies.model.RemedyRules;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.schemas.evidence.EvidenceUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asking the merchant: the agent sends the remedy the user should get (e.g. a refund) and the case waits in
 * AWAITING_MERCHANT, its own plan and resolution clocks paused, the merchant's clock running. The merchant agrees
 * (resolved with that remedy) or refuses (back to the agent, clocks resumed); no answer by the deadline means the
 * platform approves it for the merchant (超时自动同意), recorded as auto-approved.
 */
public final class MerchantRequests {

    /** Who decides an auto-approval. */
    public static final String AUTO_APPROVER = Parties.RESOLUTION + "/merchant-timeout";

    private MerchantRequests() {
    }

    static Optional<Refusal> request(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        ComplaintCase c = change.before();
        if (c.getMerchantId() == null) {
            return Optional.of(Refusal.invalid("no merchant is known for this case (no order found)"));
        }
        Map<String, String> problems = RemedyRules.checkGrant(command.getDecision(), c.getAmountPaidFen(), policies.basis(),
                policies.penalties());
        if (!problems.isEmpty()) {
            return Optional.of(Refusal.invalid(problems));
        }
        change.next().setPendingDecision(command.getDecision()).setPendingProposedBy(command.getActor().getActorId())
                .setRequiredTier(null).setPlatformAdvanced(false).setMerchantRequestedAt(change.at());
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.HANDLING_PLAN, change.at()));
        // the merchant's answer too is due by a regulator's deadline
        SlaClockStatus merchantClock = RegulatorDeadlineCap.cap(policies.sla().merchantClock(change.at()),
                RegulatorDeadlineCap.deadline(c.getRegulatorTicket()), change.at());
        change.startClock(merchantClock);
        change.step("REQUEST_MERCHANT_RESPONSE", CaseState.AWAITING_MERCHANT, command.getActor().getActorId(),
                command.getDecision().getRemedy() + " " + RemedyRules.moneyFen(command.getDecision()) + " fen, answer due "
                        + merchantClock.getDueAt());
        return Optional.empty();
    }

    static Optional<Refusal> answer(CaseChange change, ComplaintCommand command, CasePolicies policies) {
        if (command.getMerchantAgrees() == null) {
            return Optional.of(Refusal.invalid("merchantAgrees is required: does the merchant accept the remedy?"));
        }
        ComplaintCase c = change.before();
        String merchant = command.getActor().getActorId();
        RemedyDecision counter = command.getDecision();
        if (counter != null) {
            if (command.getMerchantAgrees()) {
                return Optional.of(Refusal.invalid(Map.of("counterOffer", "is only sent with a refusal (agrees false)")));
            }
            long offered = counter.getRefundFen() + counter.getCompensationFen();
            if (c.getAmountPaidFen() != null && offered > c.getAmountPaidFen()) {
                return Optional.of(Refusal.invalid(Map.of("counterOffer.refundFen", "a counter-offer of " + offered
                        + " fen is above the " + c.getAmountPaidFen() + " fen the user paid")));
            }
        }
        for (Evidence e : command.getEvidence()) {
            Optional<String> badUrl = EvidenceUrls.problem(e.getUrl());
            if (badUrl.isPresent()) {
                return Optional.of(Refusal.invalid(Map.of("evidence.url", badUrl.get())));
            }
        }
        if (!command.getEvidence().isEmpty()) {
            // the merchant's proof (delivery proof, chat logs) joins the case's evidence, marked as the merchant's
            List<Evidence> all = new ArrayList<>(c.getEvidence());
            command.getEvidence().forEach(e -> all.add(Evidence.newBuilder(e).setAddedBy(merchant)
                    .setCapturedAt(e.getCapturedAt() == null ? change.at() : e.getCapturedAt()).build()));
            change.next().setEvidence(all);
        }
        change.credit(CreditDeltas.forMerchantAnswer(c, Duration.between(c.getMerchantRequestedAt(), change.at()), change.envelope()));
        change.setClocks(SlaClocks.met(change.clocks(), SlaClock.MERCHANT_RESPONSE, change.at()));
        resumeClocks(change, policies);
        String note = command.getNote() == null ? "" : ": " + command.getNote();
        if (command.getMerchantAgrees()) {
            CaseDecisions.conclude(change, OutcomeResult.RESOLVED, c.getPendingDecision(), merchant,
                    "MERCHANT_RESPONDED", "merchant agreed" + note, null, false, false);
        } else {
            change.next().setPendingDecision(null).setPendingProposedBy(null).setMerchantRequestedAt(null)
                    .setMerchantCounterOffer(counter);
            String offer = counter == null ? "" : " and offers " + counter.getRemedy() + " " + RemedyRules.moneyFen(counter) + " fen";
            String proof = command.getEvidence().isEmpty() ? "" : " with " + command.getEvidence().size() + " evidence item(s)";
            change.step("MERCHANT_RESPONDED", CaseState.IN_PROGRESS, merchant, "merchant refused" + offer + proof + note);
        }
        return Optional.empty();
    }

    /** The merchant's deadline passed without an answer: 超时自动同意. */
    static void timeout(CaseChange change, CasePolicies policies, java.time.Instant due) {
        ComplaintCase c = change.before();
        change.credit(CreditDeltas.forMerchantTimeout(c, change.envelope()));
        resumeClocks(change, policies);
        CaseDecisions.conclude(change, OutcomeResult.RESOLVED, c.getPendingDecision(), AUTO_APPROVER,
                "MERCHANT_TIMEOUT", "超时自动同意: the merchant did not answer by " + due, null, false, true);
    }

    /** Plan and resolution deadlines move by the working time the case waited for the merchant. */
    private static void resumeClocks(CaseChange change, CasePolicies policies) {
        ComplaintCase c = change.before();
        // the time given back for the wait never moves a deadline past a regulator's
        change.setClocks(RegulatorDeadlineCap.cap(SlaClocks.resume(change.clocks(), c.getMerchantRequestedAt(), change.at(),
                policies.sla().calendarFor(c.getTeam())), RegulatorDeadlineCap.deadline(c.getRegulatorTicket()), change.at()));
        change.next().setPlanDueAt(SlaClocks.find(change.clocks(), SlaClock.HANDLING_PLAN).map(SlaClockStatus::getDueAt).orElse(null))
                .setResolutionDueAt(SlaClocks.find(change.clocks(), SlaClock.RESOLUTION).map(SlaClockStatus::getDueAt).orElse(null));
    }
}

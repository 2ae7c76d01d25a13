package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.RemedyDecision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Remedy decisions under the ladder, on a case in progress with agent J-1 (JUNIOR). */
class CaseDecisionsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    // an order of ¥10,000, so that every tier's limit is below what was paid
    private final ComplaintCase inProgress = ComplaintCase.newBuilder(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS))
            .setAmountPaidFen(1_000_000L).build();

    private CaseChange resolve(AgentTier tier, RemedyDecision decision) {
        return CaseCommands.handle(ComplaintCase.newBuilder(inProgress).setAssigneeId("A-1").build(),
                command("C-sm", agent("A-1", tier), CommandAction.RESOLVE, T0).setDecision(decision).build(), policies(), T0);
    }

    @Test
    void withinTheLimitTheCaseIsResolvedWithAnOutcome() {
        CaseChange change = resolve(AgentTier.JUNIOR, refund(5_000));
        assertThat(change.result().getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(change.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.getOutcome()).isEqualTo(OutcomeResult.RESOLVED);
            assertThat(o.getDecision().getRefundFen()).isEqualTo(5_000);
            assertThat(o.getDecidedBy()).isEqualTo("A-1");
        });
    }

    @Test
    void aboveTheLimitTheCaseAwaitsTheNextTierAbleToGrantIt() {
        CaseChange change = resolve(AgentTier.JUNIOR, refund(5_001));
        assertThat(change.result().getState()).isEqualTo(CaseState.AWAITING_APPROVAL);
        assertThat(change.result().getRequiredTier()).isEqualTo(AgentTier.INTERMEDIATE);
        assertThat(change.result().getPendingProposedBy()).isEqualTo("A-1");
        assertThat(change.outcomes()).isEmpty();

        assertThat(resolve(AgentTier.INTERMEDIATE, coupon(6_000)).result().getRequiredTier()).isEqualTo(AgentTier.SENIOR);
        assertThat(resolve(AgentTier.SENIOR, refund(60_000)).result().getRequiredTier()).isEqualTo(AgentTier.SUPERVISOR);
        assertThat(resolve(AgentTier.SUPERVISOR, refund(100_001)).result().getRequiredTier()).isEqualTo(AgentTier.MANAGER);
    }

    @Test
    void anExchangeNeedsNoApprovalAtAnyTier() {
        assertThat(resolve(AgentTier.JUNIOR, exchange()).result().getState()).isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void nobodyApprovesTheirOwnProposalNorBelowTheRequiredTier() {
        ComplaintCase awaiting = resolve(AgentTier.JUNIOR, refund(30_000)).result(); // needs SENIOR
        assertThat(approve(awaiting, agent("A-1", AgentTier.MANAGER)).refusal())
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("own proposal"));
        assertThat(approve(awaiting, agent("A-2", AgentTier.INTERMEDIATE)).refusal())
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));

        CaseChange approved = approve(awaiting, agent("A-3", AgentTier.SENIOR));
        assertThat(approved.result().getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(approved.outcomes().get(0).getDecidedBy()).isEqualTo("A-3");
        assertThat(approved.result().getDecision().getRefundFen()).isEqualTo(30_000);
    }

    @Test
    void aDenialSendsTheCaseBackToWorkWithItsReason() {
        ComplaintCase awaiting = resolve(AgentTier.JUNIOR, refund(30_000)).result();
        CaseChange noReason = CaseCommands.handle(awaiting, command("C-sm", agent("A-3", AgentTier.SENIOR), CommandAction.DENY, T0).build(), policies(), T0);
        assertThat(noReason.refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));

        CaseChange denied = CaseCommands.handle(awaiting, command("C-sm", agent("A-3", AgentTier.SENIOR), CommandAction.DENY, T0)
                .setNote("证据不足").build(), policies(), T0);
        assertThat(denied.result().getState()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(denied.result().getPendingDecision()).isNull();
    }

    @Test
    void platformAdvanceIsADebtOfTheMerchant() {
        CaseChange change = CaseCommands.handle(inProgress, command("C-sm", agent("A-1", AgentTier.INTERMEDIATE), CommandAction.RESOLVE, T0)
                .setDecision(refund(10_000)).setPlatformAdvance(true).build(), policies(), T0);
        assertThat(change.outcomes().get(0).getPlatformAdvanced()).isTrue();
        assertThat(change.creditDeltas()).anySatisfy(d -> {
            assertThat(d.getSubjectId()).isEqualTo("M-1");
            assertThat(d.getPlatformAdvancedFen()).isEqualTo(10_000);
        });
        ComplaintCase noMerchant = ComplaintCase.newBuilder(inProgress).setMerchantId(null).build();
        assertThat(CaseCommands.handle(noMerchant, command("C-sm", agent("A-1", AgentTier.INTERMEDIATE), CommandAction.RESOLVE, T0)
                .setDecision(refund(10_000)).setPlatformAdvance(true).build(), policies(), T0).refusal()).isPresent();
    }

    @Test
    void onlyTheAssigneeOrASupervisorDecides() {
        CaseChange other = CaseCommands.handle(inProgress, command("C-sm", agent("A-9", AgentTier.MANAGER), CommandAction.RESOLVE, T0)
                .setDecision(refund(100)).build(), policies(), T0);
        assertThat(other.refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        CaseChange otherTeam = CaseCommands.handle(inProgress, command("C-sm", io.livecomplaints.events.Actor.newBuilder(agent("A-1", AgentTier.JUNIOR))
                .setTeam("logistics").build(), CommandAction.RESOLVE, T0).setDecision(refund(100)).build(), policies(), T0);
        assertThat(otherTeam.refusal()).hasValueSatisfying(r -> assertThat(r.reason()).contains("team after-sales"));
    }

    @Test
    void aStaleVersionIsRefused() {
        CaseChange change = CaseCommands.handle(inProgress, command("C-sm", agent("A-1", AgentTier.JUNIOR), CommandAction.PROGRESS_NOTE, T0)
                .setNote("x").setExpectedVersion(inProgress.getVersion() - 1).build(), policies(), T0);
        assertThat(change.refusal()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.STALE_VERSION));
    }

    @Test
    void aRejectionNeedsItsRuleAndReason() {
        CaseChange noRule = CaseCommands.handle(inProgress, command("C-sm", agent("A-1", AgentTier.JUNIOR), CommandAction.REJECT, T0)
                .setDecision(RemedyDecision.newBuilder(rejection("x")).setRuleId(null).build()).build(), policies(), T0);
        assertThat(noRule.refusal()).hasValueSatisfying(r -> assertThat(r.reason()).contains("ruleId"));
        CaseChange rejected = CaseCommands.handle(inProgress, command("C-sm", agent("A-1", AgentTier.JUNIOR), CommandAction.REJECT, T0)
                .setDecision(rejection("RULE-7DAY")).build(), policies(), T0);
        assertThat(rejected.outcomes().get(0).getOutcome()).isEqualTo(OutcomeResult.REJECTED);
        assertThat(rejected.creditDeltas()).anySatisfy(d -> assertThat(d.getRejectedComplaints()).isEqualTo(1));
    }

    private CaseChange approve(ComplaintCase awaiting, io.livecomplaints.events.Actor approver) {
        return CaseCommands.handle(awaiting, command("C-sm", approver, CommandAction.APPROVE, T0).build(), policies(), T0);
    }
}

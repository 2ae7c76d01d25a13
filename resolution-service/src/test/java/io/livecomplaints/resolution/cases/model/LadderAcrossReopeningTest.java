package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Actor;
import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.RemedyDecision;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, finding 1: a JUNIOR resolved a ¥50 refund (its limit), reopened, accepted and resolved ¥50 again, round
 * after round, without approval. The ladder bounds the case's total; only the user (or a supervisor for them) reopens.
 */
class LadderAcrossReopeningTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final Actor JUNIOR = agent("A-1", AgentTier.JUNIOR);

    private int step;

    private CaseChange run(ComplaintCase c, Actor actor, CommandAction action, Consumer<ComplaintCommand.Builder> details) {
        ComplaintCommand.Builder command = command("C-sm", actor, action, T0).setNote("note " + step);
        details.accept(command);
        return CaseCommands.handle(c, command.build(), policies(), T0.plusSeconds(++step * 60L));
    }

    private CaseChange resolve(ComplaintCase c, Actor actor, RemedyDecision decision) {
        return run(c, actor, CommandAction.RESOLVE, b -> b.setDecision(decision));
    }

    private ComplaintCase reopenedByTheUserAndAccepted(ComplaintCase decided, Actor agent) {
        ComplaintCase reopened = run(decided, user("U-1"), CommandAction.REOPEN, b -> b.setNote("退款不够")).result();
        assertThat(reopened.getState()).isEqualTo(CaseState.REOPENED);
        return run(reopened, agent, CommandAction.ACCEPT, b -> { }).result();
    }

    @Test
    void aJuniorWhoRefundedTheLimitNeedsApprovalForTheNextRefundOfTheSameCase() {
        CaseChange first = resolve(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS), JUNIOR, refund(5_000));
        assertThat(first.result().getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(first.result().getGrantedRefundFen()).isEqualTo(5_000);

        CaseChange second = resolve(reopenedByTheUserAndAccepted(first.result(), JUNIOR), JUNIOR, refund(5_000));

        assertThat(second.refusal()).isEmpty();
        assertThat(second.outcomes()).as("no second outcome without approval").isEmpty();
        assertThat(second.result().getState()).isEqualTo(CaseState.AWAITING_APPROVAL);
        assertThat(second.result().getRequiredTier()).isEqualTo(AgentTier.INTERMEDIATE);
        assertThat(second.result().getTimeline().get(second.result().getTimeline().size() - 1).getNote())
                .contains("needs INTERMEDIATE approval", "the case would pay 10000 fen refund, 0 fen compensation in all");

        CaseChange approved = run(second.result(), agent("I-1", AgentTier.INTERMEDIATE), CommandAction.APPROVE, b -> { });
        assertThat(approved.outcomes()).singleElement().satisfies(o -> assertThat(o.getDecision().getRefundFen()).isEqualTo(5_000));
        assertThat(approved.result().getGrantedRefundFen()).isEqualTo(10_000);

        // a third round needs INTERMEDIATE again (¥150 in all is within ¥200), and a JUNIOR proposal names the total's tier
        ComplaintCase third = reopenedByTheUserAndAccepted(approved.result(), JUNIOR);
        assertThat(resolve(third, JUNIOR, refund(12_000)).result().getRequiredTier()).as("¥220 in all").isEqualTo(AgentTier.SENIOR);
        assertThat(resolve(third, agent("A-1", AgentTier.INTERMEDIATE), refund(10_000)).result().getState())
                .as("¥200 in all is INTERMEDIATE's").isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void compensationIsCountedOnItsOwnAcrossOutcomes() {
        Actor intermediate = agent("A-1", AgentTier.INTERMEDIATE);
        ComplaintCase paid = resolve(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS), intermediate, coupon(5_000)).result();
        assertThat(paid.getGrantedCompensationFen()).isEqualTo(5_000);
        ComplaintCase again = reopenedByTheUserAndAccepted(paid, intermediate);

        assertThat(resolve(again, intermediate, coupon(1)).result().getRequiredTier()).isEqualTo(AgentTier.SENIOR);
        assertThat(resolve(again, intermediate, refund(5_000)).result().getState()).as("refunds have their own limit")
                .isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void everyOutcomeCountsWhoeverDecidedIt() {
        // 极速退款 paid ¥30 at opening (decided by the fast path, not an agent)
        ComplaintCase express = CaseOpening.open(smallClaim("C-sm", T0), null, policies(), T0).result();
        assertThat(express.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(express.getGrantedRefundFen()).isEqualTo(3_000);
        ComplaintCase again = reopenedByTheUserAndAccepted(express, JUNIOR);

        assertThat(resolve(again, JUNIOR, refund(2_001)).result().getState()).as("¥50.01 in all").isEqualTo(CaseState.AWAITING_APPROVAL);
        assertThat(resolve(again, JUNIOR, refund(2_000)).result().getState()).as("¥50 in all").isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void aPlainAgentDoesNotReopenADecisionTheUserOrASupervisorDoes() {
        ComplaintCase decided = resolve(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS), JUNIOR, refund(5_000)).result();

        CaseChange byTheDecider = run(decided, JUNIOR, CommandAction.REOPEN, b -> { });
        assertThat(byTheDecider.refusal()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
            assertThat(r.reason()).contains("reopened by the user's dispute or by a supervisor");
        });
        assertThat(run(decided, agent("A-9", AgentTier.SENIOR), CommandAction.REOPEN, b -> { }).refusal())
                .as("nor a higher tier of the team").isPresent();
        assertThat(run(decided, supervisor("S-1", AgentTier.SUPERVISOR), CommandAction.REOPEN, b -> { }).result().getState())
                .isEqualTo(CaseState.REOPENED);
        assertThat(run(decided, user("U-1"), CommandAction.REOPEN, b -> { }).result().getState()).isEqualTo(CaseState.REOPENED);
        assertThat(run(decided, user("U-2"), CommandAction.REOPEN, b -> { }).refusal()).as("not someone else's").isPresent();
    }
}

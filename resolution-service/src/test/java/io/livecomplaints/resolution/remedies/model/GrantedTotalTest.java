package io.livecomplaints.resolution.remedies.model;

import static io.livecomplaints.resolution.support.Fixtures.coupon;
import static io.livecomplaints.resolution.support.Fixtures.ladder;
import static io.livecomplaints.resolution.support.Fixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.cases.model.CaseStateMachineTestAccess;
import org.junit.jupiter.api.Test;

/** The ladder bounds what one case pays in total: refunds and compensation of all its outcomes, each on its own. */
class GrantedTotalTest {

    private final AuthorityLadder ladder = ladder();

    @Test
    void aTierGrantsUpToItsLimitInTotalNotPerDecision() {
        assertThat(ladder.canGrant(AgentTier.JUNIOR, new GrantedTotal(5_000, 0))).isTrue();
        assertThat(ladder.canGrant(AgentTier.JUNIOR, new GrantedTotal(10_000, 0))).isFalse();
        assertThat(ladder.approverTier(AgentTier.JUNIOR, new GrantedTotal(10_000, 0))).contains(AgentTier.INTERMEDIATE);
        assertThat(ladder.approverTier(AgentTier.JUNIOR, new GrantedTotal(60_000, 0))).contains(AgentTier.SUPERVISOR);
        // compensation has its own limit: INTERMEDIATE grants ¥200 refund but only ¥50 compensation in total
        assertThat(ladder.canGrant(AgentTier.INTERMEDIATE, new GrantedTotal(20_000, 5_000))).isTrue();
        assertThat(ladder.approverTier(AgentTier.INTERMEDIATE, new GrantedTotal(0, 5_001))).contains(AgentTier.SENIOR);
    }

    @Test
    void theTotalAfterADecisionAddsItToWhatTheCaseGrantedBefore() {
        ComplaintCase paidOnce = ComplaintCase.newBuilder(CaseStateMachineTestAccess.inProgress())
                .setGrantedRefundFen(5_000).setGrantedCompensationFen(1_000).build();

        assertThat(GrantedTotal.soFar(paidOnce)).isEqualTo(new GrantedTotal(5_000, 1_000));
        assertThat(GrantedTotal.after(paidOnce, refund(5_000))).isEqualTo(new GrantedTotal(10_000, 1_000));
        assertThat(GrantedTotal.after(paidOnce, coupon(2_000))).isEqualTo(new GrantedTotal(5_000, 3_000));
        assertThat(GrantedTotal.after(null, refund(4_000))).isEqualTo(new GrantedTotal(4_000, 0));
        assertThat(GrantedTotal.NONE.isNone()).isTrue();
        // the single-decision form is the total of a case that granted nothing yet
        assertThat(ladder.canGrant(AgentTier.JUNIOR, refund(5_000))).isTrue();
        assertThat(ladder.canGrant(AgentTier.JUNIOR, GrantedTotal.after(paidOnce, refund(1)))).isFalse();
    }
}

package io.livecomplaints.resolution.remedies.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DOMAIN.md's ladder: JUNIOR ≤ ¥50 / none, INTERMEDIATE ≤ ¥200 / ≤ ¥50, SENIOR ≤ ¥500 / ≤ ¥200, SUPERVISOR ≤ ¥1000 / ≤ ¥500. */
class AuthorityLadderTest {

    private final AuthorityLadder ladder = ladder();

    @ParameterizedTest(name = "{0}: refund up to {1} fen, not {2}")
    @CsvSource({"JUNIOR,5000,5001", "INTERMEDIATE,20000,20001", "SENIOR,50000,50001", "SUPERVISOR,100000,100001"})
    void eachTierRefundsUpToItsLimit(AgentTier tier, long limit, long above) {
        assertThat(ladder.canGrant(tier, refund(limit))).isTrue();
        assertThat(ladder.canGrant(tier, refund(above))).isFalse();
    }

    @ParameterizedTest(name = "{0}: compensation up to {1} fen")
    @CsvSource({"INTERMEDIATE,5000,5001", "SENIOR,20000,20001", "SUPERVISOR,50000,50001"})
    void eachTierCompensatesUpToItsLimit(AgentTier tier, long limit, long above) {
        assertThat(ladder.canGrant(tier, coupon(limit))).isTrue();
        assertThat(ladder.canGrant(tier, coupon(above))).isFalse();
    }

    @Test
    void juniorsGrantNoCompensationAndManagersAnything() {
        assertThat(ladder.canGrant(AgentTier.JUNIOR, coupon(1))).isFalse();
        assertThat(ladder.canGrant(AgentTier.MANAGER, refund(10_000_000))).isTrue();
        assertThat(ladder.canGrant(AgentTier.MANAGER, coupon(10_000_000))).isTrue();
    }

    @Test
    void exchangesAreWithinEveryTier() {
        for (AgentTier tier : AgentTier.values()) {
            assertThat(ladder.canGrant(tier, exchange())).isTrue();
        }
    }

    @Test
    void theApproverIsTheNextTierWhoseLimitsCoverTheRemedy() {
        assertThat(ladder.approverTier(AgentTier.JUNIOR, refund(6_000))).contains(AgentTier.INTERMEDIATE);
        assertThat(ladder.approverTier(AgentTier.JUNIOR, refund(30_000))).contains(AgentTier.SENIOR);
        assertThat(ladder.approverTier(AgentTier.JUNIOR, refund(200_000))).contains(AgentTier.MANAGER);
        assertThat(ladder.approverTier(AgentTier.SENIOR, refund(1_000))).contains(AgentTier.SUPERVISOR); // a proposal always goes up
        assertThat(ladder.approverTier(AgentTier.MANAGER, refund(1_000))).isEmpty();
    }
}

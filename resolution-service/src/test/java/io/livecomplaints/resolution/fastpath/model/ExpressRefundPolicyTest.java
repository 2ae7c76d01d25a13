package io.livecomplaints.resolution.fastpath.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressRefundPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final ExpressRefundPolicy policy = new ExpressRefundPolicy(true, 5_000, Set.of(ComplaintType.FUNDS_SAFETY), new UserStanding(1, 10));

    private static CreditRecord record(int rejected, int refunds) {
        return CreditRecord.newBuilder().setEnvelope(Envelope.newBuilder().setEventId("e").setOccurredAt(T0).setProducer("p").setTraceId("t").build())
                .setSubject(CreditSubject.USER).setSubjectId("U-1").setRejectedComplaints(rejected).setRefundCount(refunds).build();
    }

    @Test
    void aSmallRefundFromAUserInGoodStandingIsPaidAtOnceInFull() {
        assertThat(policy.decide(smallClaim("C", T0), null)).hasValueSatisfying(d -> {
            assertThat(d.getRemedy()).isEqualTo(Remedy.FULL_REFUND);
            assertThat(d.getRefundFen()).isEqualTo(3_000);
            assertThat(d.getReason()).contains("极速退款");
        });
        assertThat(policy.decide(smallClaim("C", T0), record(1, 10))).isPresent();
    }

    @Test
    void aPartialClaimOnALargerOrderRefundsWhatIsClaimed() {
        ComplaintTriaged t = triaged("C", T0).build();
        t.setComplaint(ComplaintReceived.newBuilder(t.getComplaint()).setClaimedAmountFen(2_000L).build());
        assertThat(policy.decide(t, null)).hasValueSatisfying(d -> {
            assertThat(d.getRemedy()).isEqualTo(Remedy.PARTIAL_REFUND);
            assertThat(d.getRefundFen()).isEqualTo(2_000);
        });
    }

    @Test
    void notForUsersWithRejectedComplaintsOrManyRefunds() {
        assertThat(policy.decide(smallClaim("C", T0), record(2, 0))).isEmpty();
        assertThat(policy.decide(smallClaim("C", T0), record(0, 11))).isEmpty();
    }

    @Test
    void notAboveTheThresholdNorForHighSeverityRepeatsExcludedTypesOrOtherDemands() {
        assertThat(policy.decide(triaged("C", T0).build(), null)).isEmpty(); // ¥299
        assertThat(policy.decide(ComplaintTriaged.newBuilder(smallClaim("C", T0)).setSeverity(Severity.HIGH).build(), null)).isEmpty();
        assertThat(policy.decide(ComplaintTriaged.newBuilder(smallClaim("C", T0)).setRepeatComplaint(true).build(), null)).isEmpty();
        ComplaintTriaged funds = smallClaim("C", T0);
        funds.getClassification().setPrimaryType(ComplaintType.FUNDS_SAFETY);
        assertThat(policy.decide(funds, null)).isEmpty();
        ComplaintTriaged exchange = smallClaim("C", T0);
        exchange.getComplaint().setDemands(List.of(Demand.EXCHANGE));
        assertThat(policy.decide(exchange, null)).isEmpty();
        ComplaintTriaged unknownOrder = smallClaim("C", T0);
        unknownOrder.getComplaint().getEnrichment().setAmountPaidFen(null);
        assertThat(policy.decide(unknownOrder, null)).isEmpty();
    }
}

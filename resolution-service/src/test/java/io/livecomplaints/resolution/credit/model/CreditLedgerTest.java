package io.livecomplaints.resolution.credit.model;

import io.livecomplaints.schemas.keys.CreditKeys;
import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final ComplaintCase c = CaseOpening.open(triaged("C", T0).build(), null, policies(), T0).result();
    private final Envelope envelope = c.getEnvelope();

    private static Map<String, CreditRecord> sum(List<CreditRecord> deltas, Map<String, CreditRecord> records) {
        Map<String, CreditRecord> result = new java.util.HashMap<>(records);
        for (CreditRecord d : deltas) {
            result.merge(CreditKeys.key(d.getSubject(), d.getSubjectId()), CreditLedger.add(null, d), (old, ignored) -> CreditLedger.add(old, d));
        }
        return result;
    }

    @Test
    void aResolvedComplaintIsValidAndItsRefundCountsForTheUserAndTheLiableMerchant() {
        Map<String, CreditRecord> r = sum(CreditDeltas.forOutcome(c, OutcomeResult.RESOLVED, refund(10_000), false, null, envelope), Map.of());
        assertThat(r.get("USER:U-1").getValidComplaints()).isEqualTo(1);
        assertThat(r.get("USER:U-1").getRefundsFen()).isEqualTo(10_000);
        assertThat(r.get("MERCHANT:M-1").getValidComplaints()).isEqualTo(1);
        assertThat(r.get("MERCHANT:M-1").getPlatformAdvancedFen()).isZero();
        assertThat(r).doesNotContainKey("ANCHOR:A-1"); // the anchor was not liable
    }

    @Test
    void aDisputeThatOverturnsARejectionMovesItFromRejectedToValid() {
        Map<String, CreditRecord> r = sum(CreditDeltas.forOutcome(c, OutcomeResult.REJECTED, rejection("R"), false, null, envelope), Map.of());
        assertThat(r.get("USER:U-1").getRejectedComplaints()).isEqualTo(1);
        r = sum(CreditDeltas.forDispute(c, envelope), r);
        r = sum(CreditDeltas.forOutcome(c, OutcomeResult.RESOLVED, refund(5_000), false, rejection("R"), envelope), r);
        assertThat(r.get("USER:U-1").getRejectedComplaints()).isZero();
        assertThat(r.get("USER:U-1").getValidComplaints()).isEqualTo(1);
        assertThat(r.get("MERCHANT:M-1").getDisputes()).isEqualTo(1);
        assertThat(r.get("ANCHOR:A-1").getDisputes()).isEqualTo(1);
    }

    @Test
    void merchantAnswersTimeoutsAndSatisfactionAddUp() {
        Map<String, CreditRecord> r = sum(CreditDeltas.forMerchantAnswer(c, Duration.ofHours(3), envelope), Map.of());
        r = sum(CreditDeltas.forMerchantAnswer(c, Duration.ofHours(5), envelope), r);
        r = sum(CreditDeltas.forMerchantTimeout(c, envelope), r);
        r = sum(CreditDeltas.forSatisfaction(c, 4, envelope), r);
        CreditRecord merchant = r.get("MERCHANT:M-1");
        assertThat(merchant.getMerchantResponses()).isEqualTo(2);
        assertThat(merchant.getMerchantResponseMillisTotal()).isEqualTo(Duration.ofHours(8).toMillis());
        assertThat(merchant.getMerchantTimeouts()).isEqualTo(1);
        assertThat(merchant.getSatisfactionSum()).isEqualTo(4);
        assertThat(r.get("ANCHOR:A-1").getSatisfactionCount()).isEqualTo(1);
    }
}

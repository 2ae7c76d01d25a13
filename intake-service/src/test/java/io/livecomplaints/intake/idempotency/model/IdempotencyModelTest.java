package io.livecomplaints.intake.idempotency.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.intake.validation.model.NewComplaint;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyModelTest {

    private static NewComplaint complaint(String text, List<Demand> demands, PersonalContact contact) {
        return new NewComplaint("U-1", Channel.ORDER_PAGE, "zh-CN", text, demands, "O-1", null, null, 100L, null, List.of(), contact, false);
    }

    @Test
    void theSameComplaintHasTheSameFingerprint() {
        assertThat(RequestFingerprint.of("api", complaint("破损", List.of(Demand.REFUND), null)))
                .isEqualTo(RequestFingerprint.of("api", complaint("破损", List.of(Demand.REFUND), null)))
                .hasSize(64);
    }

    @Test
    void theFingerprintKeepsTheFormatOfThoseAlreadyStoredInComplaintsReceived() {
        // SHA-256 (hex) of the fields joined by U+001F, null as U+0000: what every stored event's requestFingerprint was made of
        assertThat(RequestFingerprint.of("api", complaint("破损", List.of(Demand.REFUND), null)))
                .isEqualTo("e7f3bc6dbb218c5d2bbe01346e6d10edc185694f51a65b511dd833a3fb4f85ec");
    }

    @Test
    void anyDifferenceChangesTheFingerprint() {
        String base = RequestFingerprint.of("api", complaint("破损", List.of(Demand.REFUND), null));
        assertThat(RequestFingerprint.of("api", complaint("破损了", List.of(Demand.REFUND), null))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("api", complaint("破损", List.of(Demand.EXCHANGE), null))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("hotline", complaint("破损", List.of(Demand.REFUND), null))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("api", complaint("破损", List.of(Demand.REFUND),
                PersonalContact.newBuilder().setPhone("13812345678").build()))).isNotEqualTo(base);
    }

    @Test
    void aRetryMatchesOnlyWithTheSameBody() {
        assertThat(RetryMatch.compare("abc", "abc")).isEqualTo(RetryMatch.Verdict.SAME_REQUEST);
        assertThat(RetryMatch.compare("abc", "abd")).isEqualTo(RetryMatch.Verdict.DIFFERENT_BODY);
        assertThat(RetryMatch.compare(null, "abd")).as("an event without fingerprint").isEqualTo(RetryMatch.Verdict.DIFFERENT_BODY);
    }

    @Test
    void keysArePrintableAsciiOfBoundedLengthAndScopedToSourceAndUser() {
        assertThat(IdempotencyKey.problemWith(null)).isEmpty();
        assertThat(IdempotencyKey.problemWith("9f1c-2026-11-23")).isEmpty();
        assertThat(IdempotencyKey.problemWith("has space")).isPresent();
        assertThat(IdempotencyKey.problemWith("")).isPresent();
        assertThat(IdempotencyKey.problemWith("重试")).isPresent();
        assertThat(IdempotencyKey.problemWith("k".repeat(129))).isPresent();
        assertThat(new IdempotencyKey("k1").scope("api", "U-1")).isNotEqualTo(new IdempotencyKey("k1").scope("api", "U-2"))
                .isNotEqualTo(new IdempotencyKey("k1").scope("hotline", "U-1"));
    }
}

package io.livecomplaints.intake.validation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.intake.validation.model.ComplaintDraft.ContactDraft;
import io.livecomplaints.intake.validation.model.ComplaintDraft.EvidenceDraft;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComplaintValidatorTest {

    private final ComplaintValidator validator = new ComplaintValidator(
            new ValidationLimits(20, 2, 60, Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{1,63}"), java.time.Duration.ofDays(730)));

    private static ComplaintDraft draft(String channel, String text) {
        return new ComplaintDraft("U-1", channel, text, null, null, null, null, null, null, null, null, null, false);
    }

    private static ComplaintDraft with(ComplaintDraft d, String orderId, String roomId, Long amount, List<EvidenceDraft> evidence) {
        return new ComplaintDraft(d.userId(), d.channel(), d.text(), d.language(), d.demands(), orderId, roomId, d.sessionId(),
                amount, d.incidentAt(), evidence, d.contact(), d.vip());
    }

    private List<String> fields(ComplaintDraft d) {
        return validator.violations(d).stream().map(FieldViolation::field).toList();
    }

    @Test
    void aComplaintWithChannelAndTextIsValid() {
        assertThat(validator.violations(draft("APP_CHAT", "客服不回复"))).isEmpty();
    }

    @Test
    void textIsRequiredAndCappedInCharactersNotBytes() {
        assertThat(fields(draft("APP_CHAT", null))).containsExactly("text");
        assertThat(fields(draft("APP_CHAT", " \n "))).containsExactly("text");
        assertThat(fields(draft("APP_CHAT", "长".repeat(20)))).isEmpty();
        assertThat(fields(draft("APP_CHAT", "长".repeat(21)))).containsExactly("text");
    }

    @Test
    void theChannelMustBeKnown() {
        assertThat(fields(draft(null, "x"))).containsExactly("channel");
        assertThat(fields(draft("FAX", "x"))).containsExactly("channel");
        assertThat(validator.violations(draft("FAX", "x")).get(0).message()).contains("LIVE_ROOM_BUTTON", "REGULATOR");
    }

    @Test
    void theOrderPageNamesItsOrderAndTheLiveRoomButtonItsRoom() {
        assertThat(fields(draft("ORDER_PAGE", "x"))).containsExactly("orderId");
        assertThat(fields(with(draft("ORDER_PAGE", "x"), "O-1", null, null, null))).isEmpty();
        assertThat(fields(draft("LIVE_ROOM_BUTTON", "x"))).containsExactly("roomId");
        assertThat(fields(with(draft("LIVE_ROOM_BUTTON", "x"), null, "R-1001", null, null))).isEmpty();
    }

    @Test
    void idsMustLookLikeIds() {
        assertThat(fields(with(draft("APP_CHAT", "x"), "O 1", null, null, null))).containsExactly("orderId");
        assertThat(fields(with(draft("APP_CHAT", "x"), "O-1", "R/../1", null, null))).containsExactly("roomId");
    }

    @Test
    void amountsAreNotNegative() {
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, -1L, null))).containsExactly("claimedAmountFen");
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, 0L, null))).isEmpty();
    }

    @Test
    void evidenceIsAShortListOfHttpReferences() {
        EvidenceDraft ok = new EvidenceDraft("SCREENSHOT", "https://img.example.com/1.png", null, null, null);
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, List.of(ok, ok)))).isEmpty();
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, List.of(ok, ok, ok)))).containsExactly("evidence");
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, List.of(
                new EvidenceDraft("HOLOGRAM", "ftp://x.example.com/1", -1L, "later", null)))))
                .containsExactly("evidence[0].kind", "evidence[0].url", "evidence[0].replayOffsetSeconds", "evidence[0].capturedAt");
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, List.of(
                new EvidenceDraft(null, "https://img.example.com/" + "a".repeat(60), null, null, null))))).containsExactly("evidence[0].url");
        assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, Collections.singletonList(null)))).containsExactly("evidence[0]");
        for (String local : List.of("javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
                "http://localhost/a.png", "http://[fe80::1]/a.png")) {
            assertThat(fields(with(draft("APP_CHAT", "x"), null, null, null, List.of(
                    new EvidenceDraft(null, local, null, null, null))))).as(local).containsExactly("evidence[0].url");
        }
    }

    @Test
    void contactDataMustBeUsableAndIsNeverEchoed() {
        ComplaintDraft d = new ComplaintDraft("U-1", "APP_CHAT", "x", null, null, null, null, null, null, null, null,
                new ContactDraft("张三", "12ab", "not-an-email", true), false);
        List<FieldViolation> violations = validator.violations(d);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("contact.phone", "contact.email");
        assertThat(violations.toString()).doesNotContain("12ab").doesNotContain("not-an-email");
        assertThat(fields(new ComplaintDraft("U-1", "APP_CHAT", "x", null, null, null, null, null, null, null, null,
                new ContactDraft("张三", "+86 138-1234-5678", "a@example.com", true), false))).isEmpty();
    }

    @Test
    void demandsLanguageAndIncidentTimeMustBeReadable() {
        ComplaintDraft d = new ComplaintDraft("U-1", "APP_CHAT", "x", "chinese", List.of("REFUND", "MONEY"), null, null, null,
                null, "yesterday", null, null, false);
        assertThat(fields(d)).containsExactly("language", "demands[1]", "incidentAt");
    }

    @Test
    void aSystemMustNameTheUser() {
        assertThat(fields(new ComplaintDraft(" ", "HOTLINE", "x", null, null, null, null, null, null, null, null, null, false)))
                .containsExactly("userId");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThat(fields(with(draft("FAX", null), "!", null, -5L, null))).containsExactly("channel", "text", "orderId", "claimedAmountFen");
    }

    @Test
    void aValidDraftBecomesATypedComplaint() {
        ComplaintDraft d = new ComplaintDraft(" U-1 ", "LIVE_ROOM_BUTTON", "  画面卡顿  ", "en", List.of("REFUND", "REFUND", "APOLOGY"),
                null, " R-1001 ", "", 100L, "2026-11-23T12:00:00Z",
                List.of(new EvidenceDraft(null, "https://img.example.com/1.png", 30L, null, "截图")), new ContactDraft(null, null, null, null), false);

        NewComplaint c = validator.accept(d);

        assertThat(c.userId()).isEqualTo("U-1");
        assertThat(c.channel()).isEqualTo(Channel.LIVE_ROOM_BUTTON);
        assertThat(c.text()).isEqualTo("画面卡顿");
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.demands()).containsExactly(Demand.REFUND, Demand.APOLOGY);
        assertThat(c.roomId()).isEqualTo("R-1001");
        assertThat(c.sessionId()).isNull();
        assertThat(c.incidentAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(c.evidence().get(0).getKind()).isEqualTo(EvidenceKind.OTHER);
        assertThat(c.contact()).as("an empty contact is no contact").isNull();
        assertThat(validator.accept(draft("APP_CHAT", "x")).language()).isEqualTo("zh-CN");
    }

    @Test
    void anInvalidDraftIsRefusedWithEveryViolation() {
        assertThatThrownBy(() -> validator.accept(draft("FAX", "")))
                .isInstanceOfSatisfying(InvalidComplaintException.class, e -> assertThat(e.violations()).hasSize(2))
                .hasMessageContaining("channel").hasMessageContaining("text");
    }

    @Test
    void whatTheCallerFoundWrongElsewhereIsReportedAfterTheDraftsViolations() {
        FieldViolation header = new FieldViolation("Idempotency-Key", "must be printable");

        assertThatThrownBy(() -> validator.accept(draft("FAX", ""), List.of(header)))
                .isInstanceOfSatisfying(InvalidComplaintException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("channel", "text", "Idempotency-Key"));
        assertThatThrownBy(() -> validator.accept(draft("APP_CHAT", "客服不回复"), List.of(header)))
                .as("a valid draft with a bad header is refused too")
                .isInstanceOfSatisfying(InvalidComplaintException.class, e -> assertThat(e.violations()).containsExactly(header));
        assertThat(validator.accept(draft("APP_CHAT", "客服不回复"), List.of()).text()).isEqualTo("客服不回复");
    }
}

package io.livecomplaints.triage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.triage.grading.model.UserCredit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contact data only where it is needed: the triaged complaint carries the masked contact, never the contact. */
class ContactMaskingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private final ComplaintTriage triage = TriageFixtures.triage(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theTriagedComplaintCarriesTheMaskedContactWithTheConsentAndNotTheContact() throws Exception {
        ComplaintReceived complaint = ComplaintReceived.newBuilder(TriageFixtures.complaint("C-pii", "快递三天没有物流信息", NOW))
                .setContact(PersonalContact.newBuilder().setName("王小明").setPhone("13812345678").setEmail("xiaoming.wang@example.com")
                        .setConsentToContact(true).build())
                .build();

        ComplaintTriaged triaged = triage.grade(triage.assess(complaint, (session, from, to) -> List.of()), false, new UserCredit(0, 0));

        assertThat(triaged.getComplaint().getContact()).isNull();
        assertThat(triaged.getMaskedContact().getPhone()).isEqualTo("138****5678");
        assertThat(triaged.getMaskedContact().getEmail()).isEqualTo("x***@example.com");
        assertThat(triaged.getMaskedContact().getName()).isEqualTo("王**");
        assertThat(triaged.getMaskedContact().getConsent()).isTrue();
        String bytes = new String(triaged.toByteBuffer().array(), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("13812345678", "xiaoming.wang@example.com", "王小明");
        assertThat(triaged.getComplaint().getText()).isEqualTo("快递三天没有物流信息");
    }

    @Test
    void aComplaintWithoutContactHasNoMaskedContact() {
        ComplaintTriaged triaged = triage.assess(TriageFixtures.complaint("C-none", "快递三天没有物流信息", NOW), (s, f, t) -> List.of());
        assertThat(triaged.getMaskedContact()).isNull();
        assertThat(triaged.getComplaint().getContact()).isNull();
    }
}

package io.livecomplaints.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.MaskedContact;
import io.livecomplaints.events.PersonalContact;
import org.junit.jupiter.api.Test;

class MaskedContactsTest {

    @Test
    void masksEveryFieldWithTheLogRuleAndKeepsTheConsent() {
        MaskedContact masked = MaskedContacts.of(PersonalContact.newBuilder().setName("张三丰").setPhone("13812345678")
                .setEmail("alice.w@example.com").setConsentToContact(true).build());
        assertThat(masked.getPhone()).isEqualTo("138****5678");
        assertThat(masked.getEmail()).isEqualTo("a***@example.com");
        assertThat(masked.getName()).isEqualTo("张**");
        assertThat(masked.getConsent()).isTrue();
    }

    @Test
    void missingValuesStayMissing() {
        MaskedContact masked = MaskedContacts.of(PersonalContact.newBuilder().setPhone("139 8765 4321").build());
        assertThat(masked.getPhone()).isEqualTo("139****4321");
        assertThat(masked.getEmail()).isNull();
        assertThat(masked.getName()).isNull();
        assertThat(masked.getConsent()).isFalse();
        assertThat(MaskedContacts.of(null)).isNull();
    }
}

package io.livecomplaints.notification.channels.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.NotificationChannel;
import org.junit.jupiter.api.Test;

class RecipientRuleTest {

    @Test
    void smsAndEmailOnlyWithConsentAndAlwaysMasked() {
        ComplaintContact consented = new ComplaintContact("张三", "13812345678", "zhang.san@example.com", true);
        ComplaintContact refused = new ComplaintContact("张三", "13812345678", "zhang.san@example.com", false);

        var sms = RecipientRule.resolve(NotificationChannel.SMS, "U-1", null, consented);
        assertThat(sms.allowed()).isTrue();
        assertThat(sms.address()).isEqualTo("13812345678");
        assertThat(sms.masked()).isEqualTo("138****5678");
        assertThat(sms.toString()).doesNotContain("13812345678");

        var email = RecipientRule.resolve(NotificationChannel.EMAIL, "U-1", null, consented);
        assertThat(email.masked()).isEqualTo("z***@example.com");

        var noConsent = RecipientRule.resolve(NotificationChannel.SMS, "U-1", null, refused);
        assertThat(noConsent.allowed()).isFalse();
        assertThat(noConsent.address()).isNull();
        assertThat(noConsent.suppressedBecause()).contains("consent");

        assertThat(RecipientRule.resolve(NotificationChannel.EMAIL, "U-1", null, null).suppressedBecause()).contains("no e-mail address");
        assertThat(consented.toString()).doesNotContain("13812345678").doesNotContain("zhang.san").doesNotContain("张三");
    }

    @Test
    void theInboxIsTheUsersOwnAndWebhooksGoToTheirSubscriber() {
        assertThat(RecipientRule.resolve(NotificationChannel.IN_APP, "U-1", null, null).address()).isEqualTo("U-1");
        assertThat(RecipientRule.resolve(NotificationChannel.WEBHOOK, "U-1", "refund-system", null).address()).isEqualTo("refund-system");
    }
}

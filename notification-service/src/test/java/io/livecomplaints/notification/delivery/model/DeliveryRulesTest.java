package io.livecomplaints.notification.delivery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.notification.channels.model.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours quietHours = new QuietHours(SHANGHAI,
            Map.of(NotificationChannel.SMS, QuietWindow.parse("21:00-08:00")),
            Map.of("U-night-owl", Map.of(NotificationChannel.SMS, Optional.empty()),
                    "U-early", Map.of(NotificationChannel.EMAIL, Optional.of(QuietWindow.parse("22:00-06:30")))));
    private final RetrySchedule retries = new RetrySchedule(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), 5, Duration.ofHours(24));
    private final DeliveryPolicy policy = new DeliveryPolicy(quietHours,
            new Urgency(Set.of(NotificationKind.ESCALATED), Set.of(ComplaintType.FUNDS_SAFETY)), retries);

    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void noSmsAtNightTheMessageWaitsUntilTheWindowEnds() {
        assertThat(quietHours.quietUntil("U-1", NotificationChannel.SMS, shanghai("2026-11-23T23:15:00")))
                .contains(shanghai("2026-11-24T08:00:00"));
        assertThat(quietHours.quietUntil("U-1", NotificationChannel.SMS, shanghai("2026-11-24T06:00:00")))
                .contains(shanghai("2026-11-24T08:00:00"));
        assertThat(quietHours.quietUntil("U-1", NotificationChannel.SMS, shanghai("2026-11-24T08:00:00"))).isEmpty();
        assertThat(quietHours.quietUntil("U-1", NotificationChannel.SMS, shanghai("2026-11-24T20:59:00"))).isEmpty();
        assertThat(quietHours.quietUntil("U-1", NotificationChannel.IN_APP, shanghai("2026-11-23T23:15:00"))).isEmpty();
    }

    @Test
    void aUsersOwnSettingReplacesTheChannelDefault() {
        assertThat(quietHours.quietUntil("U-night-owl", NotificationChannel.SMS, shanghai("2026-11-23T23:15:00"))).isEmpty();
        assertThat(quietHours.quietUntil("U-early", NotificationChannel.EMAIL, shanghai("2026-11-23T23:15:00")))
                .contains(shanghai("2026-11-24T06:30:00"));
        assertThat(quietHours.quietUntil("U-early", NotificationChannel.SMS, shanghai("2026-11-23T23:15:00")))
                .contains(shanghai("2026-11-24T08:00:00"));
    }

    @Test
    void windowsWithinOneDayAndBadSpellings() {
        QuietWindow lunch = QuietWindow.parse("12:00-13:30");
        assertThat(lunch.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 30))).isFalse();
        assertThat(QuietWindow.parse("off")).isNull();
        assertThatThrownBy(() -> QuietWindow.parse("21:00")).hasMessageContaining("HH:mm-HH:mm");
    }

    @Test
    void urgentMessagesIgnoreQuietHours() {
        Instant night = shanghai("2026-11-23T23:15:00");
        assertThat(policy.holdForQuietHours(job(NotificationKind.RESULT, ComplaintType.FUNDS_SAFETY), night)).isEmpty();
        assertThat(policy.holdForQuietHours(job(NotificationKind.ESCALATED, ComplaintType.LOGISTICS), night)).isEmpty();
        assertThat(policy.holdForQuietHours(job(NotificationKind.SURVEY, ComplaintType.FUNDS_SAFETY), night)).isPresent();
        assertThat(policy.holdForQuietHours(job(NotificationKind.RESULT, ComplaintType.LOGISTICS), night))
                .hasValueSatisfying(held -> {
                    assertThat(held.notBefore()).isEqualTo(shanghai("2026-11-24T08:00:00").toEpochMilli());
                    assertThat(held.status()).isEqualTo(JobStatus.PENDING);
                    assertThat(held.attempts()).isZero();
                });
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        assertThat(retries.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retries.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retries.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(retries.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aSendIsDoneRejectedForGoodOrRetriedUntilTheScheduleGivesUp() {
        Instant now = Instant.parse("2026-11-23T04:00:00Z");
        DeliveryJob job = job(NotificationKind.RESULT, ComplaintType.LOGISTICS);

        DeliveryJob sent = policy.afterSend(job, SendOutcome.sent(), now);
        assertThat(sent.status()).isEqualTo(JobStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);

        DeliveryJob rejected = policy.afterSend(job, SendOutcome.rejected("HTTP 400 invalid number"), now);
        assertThat(rejected.status()).isEqualTo(JobStatus.FAILED);
        assertThat(rejected.lastError()).contains("HTTP 400 invalid number");

        DeliveryJob waiting = policy.afterSend(job, SendOutcome.retry("HTTP 503"), now);
        assertThat(waiting.status()).isEqualTo(JobStatus.PENDING);
        assertThat(waiting.notBefore()).isEqualTo(now.plusSeconds(5).toEpochMilli());

        DeliveryJob last = job;
        for (int i = 0; i < 5; i++) {
            last = policy.afterSend(last, SendOutcome.retry("HTTP 503"), now);
        }
        assertThat(last.status()).isEqualTo(JobStatus.FAILED);
        assertThat(last.lastError()).contains("gave up after 5 attempts").contains("HTTP 503");

        DeliveryJob old = policy.afterSend(job, SendOutcome.retry("timeout"), now.plus(Duration.ofHours(25)));
        assertThat(old.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void channelsFollowTheKindAndWhatIsConfigured() {
        ChannelPlan plan = new ChannelPlan(Map.of(NotificationKind.RESULT, Set.of(NotificationChannel.IN_APP, NotificationChannel.SMS,
                NotificationChannel.EMAIL, NotificationChannel.WEBHOOK)), Set.of(NotificationChannel.IN_APP, NotificationChannel.SMS));
        assertThat(plan.channelsFor(NotificationKind.RESULT)).containsExactlyInAnyOrder(NotificationChannel.IN_APP, NotificationChannel.SMS);
        assertThat(plan.channelsFor(NotificationKind.ASSIGNED)).containsExactly(NotificationChannel.IN_APP);
    }

    static DeliveryJob job(NotificationKind kind, ComplaintType type) {
        long created = Instant.parse("2026-11-23T03:00:00Z").toEpochMilli();
        return new DeliveryJob(DeliveryJob.keyOf("E-1", kind, NotificationChannel.SMS, null), "E-1", "complaint-outcomes", 0, 7,
                "C-1", "T-1", "U-1", kind, NotificationChannel.SMS, null, type, "result.FULL_REFUND@zh-CN", "zh-CN", "s", "t",
                created, created, 0, false, JobStatus.PENDING, null, 0);
    }
}

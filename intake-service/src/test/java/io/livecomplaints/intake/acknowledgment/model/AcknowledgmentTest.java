package io.livecomplaints.intake.acknowledgment.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AcknowledgmentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final FirstResponsePolicy policy = new FirstResponsePolicy(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(24), Set.of(Channel.APP_CHAT, Channel.IM, Channel.HOTLINE));

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"APP_CHAT", "IM", "HOTLINE"})
    void chatChannelsAreAnsweredWithinFiveMinutes(Channel channel) {
        assertThat(policy.dueAt(channel, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"LIVE_ROOM_BUTTON", "LIVE_COMMENT", "ORDER_PAGE", "SOCIAL_MEDIA", "REGULATOR"})
    void messageAndFormChannelsWithinThirtyMinutes(Channel channel) {
        assertThat(policy.dueAt(channel, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void noPromiseIsLaterThanTheHardLimit() {
        FirstResponsePolicy slow = new FirstResponsePolicy(Duration.ofHours(30), Duration.ofHours(48), Duration.ofHours(24), Set.of(Channel.IM));
        assertThat(slow.dueAt(Channel.IM, NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(slow.dueAt(Channel.ORDER_PAGE, NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void theMessageSaysByWhenInTheComplaintsLanguage() {
        assertThat(AcknowledgmentMessage.text("zh-CN", Duration.ofMinutes(5))).isEqualTo("已收到您的投诉，我们会在5分钟内处理并回复您。");
        assertThat(AcknowledgmentMessage.text(null, Duration.ofHours(24))).contains("24小时");
        assertThat(AcknowledgmentMessage.text("en", Duration.ofMinutes(30))).isEqualTo("We have received your complaint and will respond within 30 minutes.");
        assertThat(AcknowledgmentMessage.text("en-US", Duration.ofHours(1))).endsWith("within 1 hour.");
        assertThat(AcknowledgmentMessage.text("zh-CN", Duration.ofMinutes(90))).contains("90分钟");
    }
}

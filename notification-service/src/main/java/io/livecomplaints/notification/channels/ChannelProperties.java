package io.livecomplaints.notification.channels;

import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.channels.*}: which channels each kind goes to, the SMS and e-mail providers (HTTP
 * endpoints by URL; a blank URL switches the channel off), the webhook subscribers, and the resilience settings
 * every provider gets its own instance of.
 */
@ConfigurationProperties("complaints.notification.channels")
public record ChannelProperties(Map<NotificationKind, Set<NotificationChannel>> byKind, Provider sms, Provider email,
                                List<Webhook> webhooks, Resilience resilience) {

    public ChannelProperties {
        webhooks = webhooks == null ? List.of() : webhooks;
        byKind = byKind == null ? Map.of() : byKind;
    }

    /** @param from the sender address (e-mail only) */
    public record Provider(String url, Duration timeout, String from) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /** An internal subscriber: its name, endpoint, signing secret and the kinds it wants. */
    public record Webhook(String name, String url, String secret, Set<NotificationKind> kinds, Duration timeout) {
    }

    public record Resilience(RetrySettings retry, BreakerSettings circuitBreaker, RateLimitSettings rateLimiter,
                             BulkheadSettings bulkhead) {
    }

    /** In-call retry for blips (the durable retry of delivery takes over after it). */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier) {
    }

    public record BreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                                  Duration waitInOpenState, int permittedCallsInHalfOpenState, Duration slowCallThreshold) {
    }

    public record RateLimitSettings(int limitForPeriod, Duration refreshPeriod) {
    }

    public record BulkheadSettings(int maxConcurrentCalls) {
    }
}

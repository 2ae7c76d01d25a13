package io.livecomplaints.notification.channels;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Builds the configured providers, each behind its own circuit breaker, rate limiter, bulkhead and retry. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    CircuitBreakerRegistry notificationCircuitBreakers(ChannelProperties properties, MeterRegistry meters) {
        var settings = properties.resilience().circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .slowCallDurationThreshold(settings.slowCallThreshold())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // only the provider's own failures count; a request it refused (4xx) says nothing about its health
                .recordException(e -> e instanceof ProviderException p && p.retryable())
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RetryRegistry notificationRetries(ChannelProperties properties, MeterRegistry meters) {
        var settings = properties.resilience().retry();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.multiplier()))
                .retryOnException(e -> e instanceof ProviderException p && p.retryable())
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RateLimiterRegistry notificationRateLimiters(ChannelProperties properties, MeterRegistry meters) {
        var settings = properties.resilience().rateLimiter();
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.limitForPeriod())
                .limitRefreshPeriod(settings.refreshPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    BulkheadRegistry notificationBulkheads(ChannelProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.resilience().bulkhead().maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    Channels channels(ChannelProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries,
                      RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads, ObjectProvider<ChannelDecorator> decorators) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JsonMapper json = JsonMapper.builder().build();
        Resilient resilient = (channel, name, call) -> new ResilientChannel(channel, name, call, retries.retry(name),
                breakers.circuitBreaker(name), rateLimiters.rateLimiter(name), bulkheads.bulkhead(name));

        Map<NotificationChannel, DeliveryChannel> personal = new EnumMap<>(NotificationChannel.class);
        if (properties.sms() != null && properties.sms().enabled()) {
            HttpProvider provider = new HttpProvider(http, URI.create(properties.sms().url()), properties.sms().timeout());
            personal.put(NotificationChannel.SMS, resilient.wrap(NotificationChannel.SMS, "sms", new SmsCall(provider, json)));
        }
        if (properties.email() != null && properties.email().enabled()) {
            HttpProvider provider = new HttpProvider(http, URI.create(properties.email().url()), properties.email().timeout());
            personal.put(NotificationChannel.EMAIL, resilient.wrap(NotificationChannel.EMAIL, "email",
                    new EmailCall(provider, json, properties.email().from())));
        }
        Map<String, DeliveryChannel> webhooks = new HashMap<>();
        Map<String, Set<NotificationKind>> subscriptions = new HashMap<>();
        for (ChannelProperties.Webhook webhook : properties.webhooks()) {
            if (webhook.name() == null || webhook.name().isBlank() || webhook.url() == null || webhook.url().isBlank()) {
                throw new IllegalStateException("every webhook subscriber needs a name and a url: " + webhook.name());
            }
            Duration timeout = webhook.timeout() != null ? webhook.timeout() : Duration.ofSeconds(3);
            HttpProvider provider = new HttpProvider(http, URI.create(webhook.url()), timeout);
            webhooks.put(webhook.name(), resilient.wrap(NotificationChannel.WEBHOOK, "webhook-" + webhook.name(),
                    new WebhookCall(provider, json, webhook.secret())));
            subscriptions.put(webhook.name(), webhook.kinds() == null ? Set.of() : webhook.kinds());
        }
        Channels channels = new Channels(personal, webhooks, subscriptions);
        for (ChannelDecorator decorator : decorators.orderedStream().toList()) {
            channels = channels.decorate(decorator);
        }
        return channels;
    }

    @FunctionalInterface
    private interface Resilient {
        DeliveryChannel wrap(NotificationChannel channel, String name, ProviderCall call);
    }
}

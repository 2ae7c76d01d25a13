package io.livecomplaints.support.kafka.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code complaints.publish.*}: how long a durable write waits for Kafka's acknowledgment (keep it above the
 * producer's {@code delivery.timeout.ms} only if the producer should fail first), and the Retry-After of the 503.
 */
@ConfigurationProperties("complaints.publish")
public record PublishProperties(@DefaultValue("15s") Duration timeout, @DefaultValue("5s") Duration retryAfter) {
}

package io.livecomplaints.notification.messages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.messages.*}: how long after a result the satisfaction survey (回访) goes out. The
 * reasons that say nothing by themselves are the shared {@code complaints.basis.bare-phrases} (service-support).
 */
@ConfigurationProperties("complaints.notification.messages")
public record MessageProperties(Duration surveyDelay) {
}

package io.livecomplaints.notification.messages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.messages.*}: how long after a result the satisfaction survey (回访) goes out;
 * {@code merchantReminders}: how long before its deadline a merchant is reminded of an open request (24 h, 2 h). The
 * reasons that say nothing by themselves are the shared {@code complaints.basis.bare-phrases} (service-support).
 */
@ConfigurationProperties("complaints.notification.messages")
public record MessageProperties(Duration surveyDelay, java.util.List<Duration> merchantReminders) {
}

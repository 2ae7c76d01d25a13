package io.livecomplaints.notification.messages;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.messages.*}: how long after a result the satisfaction survey (回访) goes out, and
 * the reasons that say nothing by themselves (a result resting only on one of them is refused).
 */
@ConfigurationProperties("complaints.notification.messages")
public record MessageProperties(Duration surveyDelay, Set<String> barePhrases) {
}

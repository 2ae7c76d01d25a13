package io.livecomplaints.triage.incidents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.triage.incidents.*}: a QoS incident ends after {@code qosQuietGap} without complaints; a surge is
 * {@code surgeThreshold} complaints of one type about one session within {@code surgeWindow}.
 */
@ConfigurationProperties("complaints.triage.incidents")
public record IncidentProperties(Duration qosQuietGap, Duration surgeWindow, int surgeThreshold) {
}

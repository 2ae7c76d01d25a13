package io.livecomplaints.resolution.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.appeals.*}: {@code window}, how long after a decision the merchant (or anchor) it
 * charged may appeal it (申诉; default 7 days, e.g. {@code COMPLAINTS_RESOLUTION_APPEALS_WINDOW=3d}).
 */
@ConfigurationProperties("complaints.resolution.appeals")
public record AppealsProperties(Duration window) {
}

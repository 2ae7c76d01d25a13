package io.livecomplaints.analytics.stats.model;

import java.time.Instant;
import java.util.List;

/**
 * A {@link ComplaintProfile} as its store keeps it (JSON of this record, service-support's StateSerdes): what was
 * counted once already, the complaint's attributes and merchant, its recent event ids (oldest first).
 */
public record ProfileState(Attributes attributes, String merchantId, Instant receivedAt, Instant lastSeenAt,
                           boolean counted, boolean firstResponded, boolean decided, boolean breached, boolean reopened,
                           boolean merchantRequested, boolean merchantTimedOut, boolean withdrawn, int correctionsCounted,
                           List<String> breachedClocks, List<String> recentEvents) {
}

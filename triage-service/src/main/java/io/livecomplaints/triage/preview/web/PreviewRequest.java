package io.livecomplaints.triage.preview.web;

import java.time.Instant;
import java.util.List;

/**
 * A complaint to preview. {@code text} and {@code channel} are required; the rest is optional. {@code userId} looks up
 * the user's credit; {@code sessionId} (with {@code incidentAt}, default now) runs the QoS diagnosis on live telemetry.
 */
public record PreviewRequest(String text, String channel, Long amountFen, String orderId, String sessionId, Boolean vip,
                             String userId, Instant incidentAt, List<String> demands) {
}

package io.livecomplaints.intake.submission.web;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import java.util.List;

/**
 * Body of {@code POST /api/v1/complaints}. Only channel and text are required; the rest is looked up. userId only when
 * an upstream system files on behalf of a user (a user's own token names the user).
 */
public record ComplaintRequest(String userId, Channel channel, String text, String language, List<Demand> demands, String orderId,
                               String roomId, String sessionId, Long claimedAmountFen) {
}

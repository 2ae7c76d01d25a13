package io.livecomplaints.intake.submission.web;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import java.util.List;

/** Body of {@code POST /api/v1/complaints}. Only channel and text are required; the rest is looked up. */
public record ComplaintRequest(Channel channel, String text, String language, List<Demand> demands, String orderId,
                               String roomId, String sessionId, Long claimedAmountFen) {
}

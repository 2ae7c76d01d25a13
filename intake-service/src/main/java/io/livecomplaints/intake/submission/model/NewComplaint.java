package io.livecomplaints.intake.submission.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import java.util.List;

/** A complaint as the user filed it, before enrichment: who, where from, what, and about which order or room. */
public record NewComplaint(String userId, Channel channel, String language, String text, List<Demand> demands,
                           String orderId, String roomId, String sessionId, Long claimedAmountFen) {
}

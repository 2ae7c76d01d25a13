package io.livecomplaints.intake.validation.model;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.RegulatorTicket;
import java.time.Instant;
import java.util.List;

/** A valid complaint, typed, before enrichment: who, from which channel, what, and about which order or room. */
public record NewComplaint(String userId, Channel channel, String language, String text, List<Demand> demands,
                           String orderId, String roomId, String sessionId, Long claimedAmountFen, Instant incidentAt,
                           List<Evidence> evidence, PersonalContact contact, boolean vip,
                           RegulatorTicket regulatorTicket) {

    /** A complaint without a regulator's ticket. */
    public NewComplaint(String userId, Channel channel, String language, String text, List<Demand> demands,
                        String orderId, String roomId, String sessionId, Long claimedAmountFen, Instant incidentAt,
                        List<Evidence> evidence, PersonalContact contact, boolean vip) {
        this(userId, channel, language, text, demands, orderId, roomId, sessionId, claimedAmountFen, incidentAt,
                evidence, contact, vip, null);
    }
}

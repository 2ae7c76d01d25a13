package io.livecomplaints.intake.validation.model;

import java.util.List;

/**
 * A complaint exactly as it arrived (REST body or {@code complaint-submissions} event), before validation: enum
 * values and times are still text, so that every bad field can be named at once.
 *
 * @param userId    the complainant; for a user's own token the token names them
 * @param incidentAt ISO-8601 instant of what the complaint is about, if the user knows it
 */
public record ComplaintDraft(String userId, String channel, String text, String language, List<String> demands,
                             String orderId, String roomId, String sessionId, Long claimedAmountFen, String incidentAt,
                             List<EvidenceDraft> evidence, ContactDraft contact, boolean vip,
                             RegulatorTicketDraft regulatorTicket) {

    public ComplaintDraft {
        demands = demands == null ? List.of() : demands;
        evidence = evidence == null ? List.of() : evidence;
    }

    /** A complaint without a regulator's ticket (every channel but REGULATOR). */
    public ComplaintDraft(String userId, String channel, String text, String language, List<String> demands,
                          String orderId, String roomId, String sessionId, Long claimedAmountFen, String incidentAt,
                          List<EvidenceDraft> evidence, ContactDraft contact, boolean vip) {
        this(userId, channel, text, language, demands, orderId, roomId, sessionId, claimedAmountFen, incidentAt,
                evidence, contact, vip, null);
    }

    /** A reference to evidence as given: a screenshot/recording URL, or a moment in a live replay. */
    public record EvidenceDraft(String kind, String url, Long replayOffsetSeconds, String capturedAt, String description) {
    }

    /** Contact data (personal, PIPL) as given. */
    public record ContactDraft(String name, String phone, String email, Boolean consentToContact) {
    }

    /** A regulator's ticket (12315, 消协) as given: its reference, the ISO-8601 reply deadline, the authority. */
    public record RegulatorTicketDraft(String reference, String deadline, String authority) {
    }
}

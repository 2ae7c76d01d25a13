package io.livecomplaints.intake.submission.web;

import io.livecomplaints.intake.validation.model.ComplaintDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/v1/complaints}. A user types only the text and the order id (or nothing but the text, for
 * a live-room button complaint, whose page sends the room); everything else is looked up. {@code userId} and
 * {@code vip} only from an upstream system filing on behalf of a user.
 */
@Schema(description = "A complaint as filed. Required: channel, text; orderId on ORDER_PAGE, roomId (or sessionId) on LIVE_ROOM_BUTTON.")
public record ComplaintRequest(
        @Schema(description = "only for SYSTEM tokens: the user the complaint is filed for") String userId,
        @Schema(example = "ORDER_PAGE", allowableValues = {"LIVE_ROOM_BUTTON", "LIVE_COMMENT", "ORDER_PAGE", "APP_CHAT", "HOTLINE", "IM", "SOCIAL_MEDIA", "REGULATOR"}) String channel,
        @Schema(example = "收到的大衣和直播间展示的颜色不一样，要求退货") String text,
        @Schema(example = "zh-CN", defaultValue = "zh-CN") String language,
        @Schema(example = "[\"REFUND\"]") List<String> demands,
        @Schema(example = "O-20261123-00042") String orderId,
        String roomId,
        String sessionId,
        @Schema(description = "amount the user claims, in fen (分)", example = "89900") Long claimedAmountFen,
        @Schema(description = "ISO-8601 instant of the incident", example = "2026-11-23T12:30:00Z") String incidentAt,
        List<EvidenceRequest> evidence,
        ContactRequest contact,
        @Schema(description = "only for SYSTEM tokens") Boolean vip,
        @Schema(description = "REGULATOR channel only, then required: the regulator's ticket (12315/消协)") RegulatorTicketRequest regulatorTicket) {

    /** A regulator's ticket: its reference (required), the reply deadline (ISO-8601, not past) and the authority. */
    public record RegulatorTicketRequest(@Schema(example = "12315-2026-1204-000871") String reference,
                                         @Schema(example = "2026-12-11T09:00:00Z") String deadline,
                                         @Schema(example = "12315") String authority) {
    }

    /** A reference to evidence: a screenshot or recording URL, or a moment of a live replay. */
    public record EvidenceRequest(@Schema(example = "SCREENSHOT") String kind,
                                  @Schema(example = "https://img.example.com/u/1.png") String url,
                                  Long replayOffsetSeconds, String capturedAt, String description) {
    }

    /** Personal contact data (PIPL): carried only in the event's personal field, masked in logs. */
    public record ContactRequest(String name, String phone, String email, Boolean consentToContact) {
    }

    ComplaintDraft toDraft(String userId, boolean vip) {
        return new ComplaintDraft(userId, channel, text, language, demands, orderId, roomId, sessionId, claimedAmountFen,
                incidentAt,
                evidence == null ? null : evidence.stream().map(e -> e == null ? null
                        : new ComplaintDraft.EvidenceDraft(e.kind(), e.url(), e.replayOffsetSeconds(), e.capturedAt(), e.description())).toList(),
                contact == null ? null : new ComplaintDraft.ContactDraft(contact.name(), contact.phone(), contact.email(), contact.consentToContact()),
                vip,
                regulatorTicket == null ? null
                        : new ComplaintDraft.RegulatorTicketDraft(regulatorTicket.reference(), regulatorTicket.deadline(), regulatorTicket.authority()));
    }
}

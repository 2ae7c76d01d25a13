package io.livecomplaints.notification.acknowledgment.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The acknowledgment (受理确认): received, and by when it will be handled, in the user's language. */
public final class AcknowledgmentMessage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AcknowledgmentMessage() {
    }

    public static String render(String language, String complaintId, Instant dueAt, ZoneId zone) {
        String due = TIME.format(dueAt.atZone(zone));
        if (language != null && language.startsWith("en")) {
            return "We have received your complaint " + complaintId + " and will respond by " + due + ".";
        }
        return "已收到您的投诉（编号 " + complaintId + "），会在 " + due + " 前处理并答复您。";
    }

    public static String templateId(String language) {
        return "acknowledgment." + (language != null && language.startsWith("en") ? "en" : "zh-CN");
    }
}

package io.livecomplaints.intake.acknowledgment.model;

import java.time.Duration;

/**
 * The words of the acknowledgment (受理确认): received, and by when it will be handled ("已收到，会在XX时间内处理"),
 * in the complaint's language (Chinese unless it is English).
 */
public final class AcknowledgmentMessage {

    private AcknowledgmentMessage() {
    }

    public static String text(String language, Duration promised) {
        boolean english = language != null && language.toLowerCase().startsWith("en");
        return english
                ? "We have received your complaint and will respond within " + english(promised) + "."
                : "已收到您的投诉，我们会在" + chinese(promised) + "内处理并回复您。";
    }

    private static String chinese(Duration d) {
        if (d.toMinutes() < 60 || d.toMinutes() % 60 != 0) {
            return d.toMinutes() + "分钟";
        }
        return d.toHours() + "小时";
    }

    private static String english(Duration d) {
        if (d.toMinutes() < 60 || d.toMinutes() % 60 != 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
}

package io.livecomplaints.notification.delivery.model;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** A daily quiet window such as 21:00-08:00 (it may wrap past midnight); start inclusive, end exclusive. */
public record QuietWindow(LocalTime start, LocalTime end) {

    /** "21:00-08:00"; "off" or blank means no quiet window (null). */
    public static QuietWindow parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("off")) {
            return null;
        }
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a quiet window is written HH:mm-HH:mm, not '" + text + "'");
        }
        QuietWindow window = new QuietWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        if (window.start.equals(window.end)) {
            throw new IllegalArgumentException("a quiet window must not start and end at the same time: '" + text + "'");
        }
        return window;
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When the window that contains {@code now} ends. */
    public ZonedDateTime endAfter(ZonedDateTime now) {
        ZonedDateTime end = now.with(this.end).withSecond(0).withNano(0);
        return end.isAfter(now) ? end : end.plusDays(1);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}

package io.livecomplaints.notification.templates.model;

/** An amount in fen (分), shown to users in yuan in their language's way. */
public record Money(long fen) {

    public String format(String language) {
        String yuan = String.format(java.util.Locale.ROOT, "%d.%02d", fen / 100, Math.abs(fen % 100));
        return language.startsWith("en") ? "CNY " + yuan : "¥" + yuan;
    }
}

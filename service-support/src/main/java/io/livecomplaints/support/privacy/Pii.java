package io.livecomplaints.support.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data (PIPL): phone numbers, e-mail addresses, ID-card numbers in free text, and names where the
 * caller knows a value is a name. Logs pass every message through {@link #maskText}.
 */
public final class Pii {

    // Mainland mobile numbers, optionally +86 / 86 prefixed and written with spaces or dashes (138 1234 5678).
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])((?:\\+?86[- ]?)?1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])");
    // Landlines such as 010-12345678 or 0755 1234 5678.
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[1-9][0-9]{1,2})[- ]([0-9]{3,4})[- ]?([0-9]{4})(?![0-9])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private Pii() {
    }

    /** Masks every phone number, ID-card number and e-mail address found in the text. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(ID_CARD, text, m -> m.group(1) + "********" + m.group(2));
        masked = replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(3));
        masked = replace(LANDLINE, masked, m -> m.group(1) + "-****" + m.group(3));
        return replace(EMAIL, masked, m -> m.group(1) + "***" + m.group(2));
    }

    /** 13812345678 → 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** 张三丰 → 张**, Alice Smith → A**** *****. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.codePointAt(0);
        StringBuilder out = new StringBuilder().appendCodePoint(first);
        name.codePoints().skip(1).forEach(cp -> out.append(Character.isWhitespace(cp) ? ' ' : '*'));
        return out.toString();
    }

    /**
     * alice@example.com → a***@example.com; any other value (张三@example.com, a local address) keeps only its first
     * character and its domain, and a value without a domain becomes ***: never returned as it came.
     */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return new StringBuilder().appendCodePoint(email.codePointAt(0)).append("***").append(email.substring(at)).toString();
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}

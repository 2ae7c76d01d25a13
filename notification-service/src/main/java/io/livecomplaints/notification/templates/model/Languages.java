package io.livecomplaints.notification.templates.model;

import java.util.List;
import java.util.Locale;

/**
 * Rule: a message is written in the complaint's language when we have templates for it (matched by primary tag:
 * {@code en-US} → {@code en}, {@code zh-Hans} → {@code zh-CN}), else in the default language (zh-CN).
 */
public final class Languages {

    private final List<String> supported;
    private final String defaultLanguage;

    public Languages(List<String> supported, String defaultLanguage) {
        if (!supported.contains(defaultLanguage)) {
            throw new IllegalArgumentException("the default language " + defaultLanguage + " is not among " + supported);
        }
        this.supported = List.copyOf(supported);
        this.defaultLanguage = defaultLanguage;
    }

    public String resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultLanguage;
        }
        String wanted = requested.strip();
        for (String language : supported) {
            if (language.equalsIgnoreCase(wanted)) {
                return language;
            }
        }
        String primary = primary(wanted);
        for (String language : supported) {
            if (primary(language).equals(primary)) {
                return language;
            }
        }
        return defaultLanguage;
    }

    public List<String> supported() {
        return supported;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}

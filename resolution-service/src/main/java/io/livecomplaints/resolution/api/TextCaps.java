package io.livecomplaints.resolution.api;

import io.livecomplaints.resolution.config.WorkbenchProperties;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks the text a request writes into a case: present where required, within the configured cap (else 400 naming the field). */
@Component
public class TextCaps {

    private final WorkbenchProperties properties;

    public TextCaps(WorkbenchProperties properties) {
        this.properties = properties;
    }

    public String note(String field, String text) {
        return required(field, text, properties.noteMaxChars());
    }

    public String addition(String field, String text) {
        return capped(field, text, properties.additionMaxChars());
    }

    public String reason(String field, String text) {
        return required(field, text, properties.reasonMaxChars());
    }

    private static String required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(Map.of(field, "is required"));
        }
        return capped(field, text, max);
    }

    private static String capped(String field, String text, int max) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            throw ApiException.invalid(Map.of(field, "is longer than " + max + " characters"));
        }
        return text;
    }
}

package io.livecomplaints.notification.templates.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply templates (话术库) per message, complaint type and language. Built only through {@link #validated}, which
 * refuses unknown keys, unknown placeholders and missing templates with one message naming each, so a bad data file
 * stops the service at startup instead of sending a broken message.
 */
public final class TemplateCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, Map<String, String>> byLanguage;
    private final ZoneId zone;

    private TemplateCatalog(Map<String, Map<String, String>> byLanguage, ZoneId zone) {
        this.byLanguage = byLanguage;
        this.zone = zone;
    }

    /**
     * @param byLanguage language → template key → text, as read from the data files
     * @param sources    language → where its templates came from, for the error message
     */
    public static TemplateCatalog validated(Map<String, Map<String, String>> byLanguage, Map<String, String> sources,
                                            List<String> languages, TemplateSpec spec, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        for (String language : languages) {
            Map<String, String> templates = byLanguage.get(language);
            String source = sources.getOrDefault(language, language);
            if (templates == null) {
                problems.add("no templates for language " + language + " (expected " + source + ")");
                continue;
            }
            for (Map.Entry<String, String> template : templates.entrySet()) {
                problems.addAll(check(template.getKey(), template.getValue(), language, source, spec));
            }
            for (String key : new TreeSet<>(spec.required().keySet())) {
                if (!templates.containsKey(key)) {
                    problems.add("template '" + key + "' is missing for language " + language + " in " + source);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplatesException(problems);
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byLanguage.forEach((language, templates) -> copy.put(language, Map.copyOf(templates)));
        return new TemplateCatalog(copy, zone);
    }

    private static List<String> check(String key, String text, String language, String source, TemplateSpec spec) {
        Set<String> allowed = spec.placeholdersOf(key);
        if (allowed == null) {
            return List.of("template '" + key + "' (" + language + ", " + source + ") is not a known template key; known keys: "
                    + new TreeSet<>(spec.required().keySet()) + ", optionally suffixed with a complaint type, or a term "
                    + spec.termPrefixes() + "*");
        }
        if (text == null || text.isBlank()) {
            return List.of("template '" + key + "' (" + language + ", " + source + ") is empty");
        }
        List<String> problems = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                problems.add("template '" + key + "' (" + language + ", " + source + ") uses unknown placeholder {" + m.group(1)
                        + "}; allowed: " + (allowed.isEmpty() ? "none" : "{" + String.join("}, {", new TreeSet<>(allowed)) + "}"));
            }
        }
        int open = text.length() - text.replace("{", "").length();
        int close = text.length() - text.replace("}", "").length();
        if (open != close) {
            problems.add("template '" + key + "' (" + language + ", " + source + ") has unbalanced braces");
        }
        return problems;
    }

    /**
     * Renders the template of the key in the language, specialised for the variant (complaint type) when the
     * templates have one. Placeholder values are formatted for the language: amounts in yuan, times in the
     * configured zone, fragments and terms from the same language's templates.
     */
    public Rendered render(String language, String key, String variant, Map<String, Object> values) {
        Map<String, String> templates = byLanguage.get(language);
        if (templates == null) {
            throw new IllegalArgumentException("no templates for language " + language);
        }
        String used = variant != null && templates.containsKey(key + "." + variant) ? key + "." + variant : key;
        String text = templates.get(used);
        if (text == null) {
            throw new IllegalArgumentException("no template '" + key + "' for " + language);
        }
        return new Rendered(used + "@" + language, fill(text, language, values));
    }

    private String fill(String text, String language, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for placeholder {" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(values.get(name), language)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String format(Object value, String language) {
        if (value == null) {
            return "";
        }
        if (value instanceof Money money) {
            return money.format(language);
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone));
        }
        if (value instanceof Fragment fragment) {
            return render(language, fragment.key(), null, fragment.values()).text();
        }
        if (value instanceof Term term) {
            String translated = byLanguage.get(language).get(term.key());
            return translated != null ? translated : term.fallback();
        }
        return value.toString();
    }

    /** A rendered message and the template it came from ({@code key[.variant]@language}). */
    public record Rendered(String templateId, String text) {
    }
}

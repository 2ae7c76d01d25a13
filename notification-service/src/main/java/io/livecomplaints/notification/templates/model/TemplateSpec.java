package io.livecomplaints.notification.templates.model;

import java.util.Map;
import java.util.Set;

/**
 * What the reply templates (话术库) of every language must contain and which placeholders each may use: a template
 * with a key or placeholder outside the spec is a mistake that must stop the service at startup, not reach a user.
 *
 * @param required         keys every language must define, with the placeholders each may use
 * @param variantSuffixes  suffixes a required key may be specialised with (complaint types: {@code acknowledgment.FUNDS_SAFETY}),
 *                         using the same placeholders
 * @param termPrefixes     prefixes of optional plain terms without placeholders (team names: {@code team.logistics})
 */
public record TemplateSpec(Map<String, Set<String>> required, Set<String> variantSuffixes, Set<String> termPrefixes) {

    /** The placeholders the key may use, or null if the key is not allowed at all. */
    public Set<String> placeholdersOf(String key) {
        Set<String> direct = required.get(key);
        if (direct != null) {
            return direct;
        }
        int dot = key.lastIndexOf('.');
        if (dot > 0 && variantSuffixes.contains(key.substring(dot + 1))) {
            Set<String> base = required.get(key.substring(0, dot));
            if (base != null) {
                return base;
            }
        }
        for (String prefix : termPrefixes) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return Set.of();
            }
        }
        return null;
    }
}

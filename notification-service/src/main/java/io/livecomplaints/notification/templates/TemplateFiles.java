package io.livecomplaints.notification.templates;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.notification.templates.model.InvalidTemplatesException;
import io.livecomplaints.notification.templates.model.TemplateCatalog;
import io.livecomplaints.notification.templates.model.TemplateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the 话术库 data files, one YAML file per language ({@code <location><language>.yml}; nested keys are joined
 * with dots: {@code result: {REJECT: ...}} is {@code result.REJECT}), and checks them against the messages'
 * placeholders. Any problem throws {@link InvalidTemplatesException} naming file, template and placeholder.
 */
public final class TemplateFiles {

    private TemplateFiles() {
    }

    /**
     * @param placeholders each message key with the placeholders its templates must use
     * @param termPrefixes key prefixes of terms (texts a template may look up by name)
     */
    public static TemplateCatalog load(TemplateProperties properties, ResourceLoader resources,
                                       Map<String, Set<String>> placeholders, Set<String> termPrefixes) {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String language : properties.languages()) {
            String location = properties.location() + language + ".yml";
            sources.put(language, location);
            Resource resource = resources.getResource(location);
            if (!resource.exists()) {
                continue; // reported as missing by the catalog
            }
            try (InputStream in = resource.getInputStream()) {
                Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", root, flat, location, unreadable);
                byLanguage.put(language, flat);
            } catch (IOException | RuntimeException e) {
                unreadable.add(location + " cannot be read: " + e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new InvalidTemplatesException(unreadable);
        }
        TemplateSpec spec = new TemplateSpec(placeholders,
                Arrays.stream(ComplaintType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                termPrefixes);
        return TemplateCatalog.validated(byLanguage, sources, properties.languages(), spec, properties.zone());
    }

    private static void flatten(String prefix, Object node, Map<String, String> out, String location, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
                flatten(key, entry.getValue(), out, location, problems);
            }
        } else if (node instanceof String text) {
            out.put(prefix, text);
        } else if (node != null) {
            problems.add(location + ": template '" + prefix + "' must be text, not " + node);
        }
    }
}

package io.livecomplaints.notification.templates;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.notification.templates.*}: where the 话术库 files are ({@code <location><language>.yml}, any
 * Spring resource location: {@code classpath:templates/}, {@code file:/etc/complaints/templates/}), which languages
 * exist, the default one, and the zone times are shown in.
 */
@ConfigurationProperties("complaints.notification.templates")
public record TemplateProperties(String location, List<String> languages, String defaultLanguage, ZoneId zone) {
}

package io.livecomplaints.resolution.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.workbench.*}: the teams a case may be transferred to, and the caps on text agents and
 * users write into a case (internal notes, the user's additions, reasons), in characters.
 */
@ConfigurationProperties("complaints.resolution.workbench")
public record WorkbenchProperties(List<String> teams, int noteMaxChars, int additionMaxChars, int reasonMaxChars) {
}

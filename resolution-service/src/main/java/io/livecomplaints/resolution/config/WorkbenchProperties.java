package io.livecomplaints.resolution.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.workbench.*}: the teams a case may be transferred to. (How long the text of a note,
 * an addition or a reason may be is the request text caps' rule: {@code complaints.resolution.limits.text-chars}.)
 */
@ConfigurationProperties("complaints.resolution.workbench")
public record WorkbenchProperties(List<String> teams) {
}

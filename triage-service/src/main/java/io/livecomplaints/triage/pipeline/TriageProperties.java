package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.ComplaintType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.triage.*}: classification terms, teams per type, the high-amount threshold. */
@ConfigurationProperties("complaints.triage")
public record TriageProperties(Map<ComplaintType, List<String>> terms, Map<ComplaintType, String> teams, String defaultTeam,
                               long highAmountFen) {
}

package io.livecomplaints.resolution.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.resolution.agents}: team → the ids of its agents (triage's routing roster, in production the
 * identity provider's directory). A case is reassigned only to an agent of its team.
 */
@ConfigurationProperties("complaints.resolution")
public record AgentsProperties(Map<String, List<String>> agents) {

    public AgentsProperties {
        agents = agents == null ? Map.of() : agents;
    }
}

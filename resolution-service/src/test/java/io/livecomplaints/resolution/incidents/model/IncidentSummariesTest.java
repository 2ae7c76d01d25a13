package io.livecomplaints.resolution.incidents.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentSummariesTest {

    @Test
    void kindAndScopeComeFromTriagesIncidentIds() {
        assertThat(IncidentSummaries.parse("INC-QOS-cdn-cdn-sh-1-20250601T120000Z")).containsExactly("QOS", "cdn-cdn-sh-1");
        assertThat(IncidentSummaries.parse("INC-SURGE-session-S-618-20261204T060000Z")).containsExactly("SURGE", "session-S-618");
        assertThat(IncidentSummaries.parse("legacy-7")).containsExactly("UNKNOWN", "legacy-7");
    }
}

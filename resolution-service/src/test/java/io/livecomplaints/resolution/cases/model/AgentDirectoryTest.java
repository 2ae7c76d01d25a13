package io.livecomplaints.resolution.cases.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20, finding 11: a case goes only to an agent of its own team. */
class AgentDirectoryTest {

    private final AgentDirectory directory = new AgentDirectory(Map.of("after-sales", List.of("AS-01", "AS-02"),
            "logistics", List.of("LG-01")));

    @Test
    void anAgentOfTheCasesTeamIsAnAssignee() {
        assertThat(directory.problemWithAssignee("AS-02", "after-sales")).isEmpty();
        assertThat(directory.isAgentOf("LG-01", "logistics")).isTrue();
    }

    @Test
    void anAgentOfAnotherTeamAnUnknownIdOrMarkupIsNot() {
        assertThat(directory.problemWithAssignee("LG-01", "after-sales")).contains(
                "is not an agent of team after-sales: a case goes only to an agent of its own team");
        assertThat(directory.problemWithAssignee("AS-99", "after-sales")).isPresent();
        assertThat(directory.problemWithAssignee("AS-01", "no-such-team")).isPresent();
        assertThat(directory.problemWithAssignee("<img src=x onerror=alert(1)>", "after-sales"))
                .contains("must be an agent id: letters, digits, '.', '_' or '-', at most 64 characters");
        assertThat(directory.problemWithAssignee("A".repeat(65), "after-sales")).isPresent();
        assertThat(directory.problemWithAssignee(" ", "after-sales")).contains("is required: who takes the case");
        assertThat(directory.problemWithAssignee(null, "after-sales")).isPresent();
    }
}

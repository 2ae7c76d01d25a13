package io.livecomplaints.resolution.queue.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentQueueTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static ComplaintCase open(String id, int priority, Instant received) {
        return CaseOpening.open(triaged(id, received).setPriority(priority).build(), null, policies(), received).result();
    }

    @Test
    void mineAndMyTeamsUnassignedCasesByPriorityThenDeadline() {
        ComplaintCase mine = ComplaintCase.newBuilder(open("C-mine", 10, T0)).setAssigneeId("A-1").setState(CaseState.IN_PROGRESS).build();
        ComplaintCase urgentLater = open("C-urgent-later", 90, T0.plus(Duration.ofHours(1)));
        ComplaintCase urgent = open("C-urgent", 90, T0);
        ComplaintCase someoneElses = ComplaintCase.newBuilder(open("C-other", 99, T0)).setAssigneeId("A-2").setState(CaseState.IN_PROGRESS).build();
        ComplaintCase otherTeam = ComplaintCase.newBuilder(open("C-team", 99, T0)).setTeam("logistics").build();
        ComplaintCase closed = ComplaintCase.newBuilder(open("C-closed", 99, T0)).setAssigneeId("A-1").setState(CaseState.CLOSED).build();

        List<AgentQueue.Entry> queue = AgentQueue.of(new AgentQueue.Viewer("A-1", AgentTier.JUNIOR, TEAM, false),
                List.of(mine, urgentLater, someoneElses, urgent, otherTeam, closed));

        assertThat(queue).extracting(e -> e.complaintCase().getEnvelope().getComplaintId())
                .containsExactly("C-urgent", "C-urgent-later", "C-mine");
        assertThat(queue.get(2).reason()).isEqualTo(AgentQueue.Reason.ASSIGNED_TO_YOU);
        assertThat(queue.get(0).reason()).isEqualTo(AgentQueue.Reason.TEAM_QUEUE);
    }

    @Test
    void proposalsGoToThoseWhoMayApproveThemButNotToTheProposer() {
        ComplaintCase awaiting = ComplaintCase.newBuilder(open("C-a", 50, T0)).setState(CaseState.AWAITING_APPROVAL)
                .setAssigneeId("A-1").setPendingProposedBy("A-1").setRequiredTier(AgentTier.SENIOR).build();
        assertThat(AgentQueue.of(new AgentQueue.Viewer("A-1", AgentTier.MANAGER, TEAM, false), List.of(awaiting))).isEmpty();
        assertThat(AgentQueue.of(new AgentQueue.Viewer("A-2", AgentTier.INTERMEDIATE, TEAM, false), List.of(awaiting))).isEmpty();
        assertThat(AgentQueue.of(new AgentQueue.Viewer("A-3", AgentTier.SENIOR, TEAM, false), List.of(awaiting)))
                .extracting(AgentQueue.Entry::reason).containsExactly(AgentQueue.Reason.AWAITING_YOUR_APPROVAL);
    }

    @Test
    void supervisorsSeeEscalatedCasesOfEveryTeam() {
        ComplaintCase escalated = ComplaintCase.newBuilder(open("C-e", 50, T0)).setTeam("logistics").setAssigneeId("A-7")
                .setState(CaseState.ESCALATED).setEscalationLevel(1).build();
        assertThat(AgentQueue.of(new AgentQueue.Viewer("S-1", AgentTier.SUPERVISOR, null, true), List.of(escalated)))
                .extracting(AgentQueue.Entry::reason).containsExactly(AgentQueue.Reason.ESCALATED);
        assertThat(AgentQueue.of(new AgentQueue.Viewer("A-1", AgentTier.SENIOR, TEAM, false), List.of(escalated))).isEmpty();
    }
}

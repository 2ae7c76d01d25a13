package io.livecomplaints.resolution.board.model;

import static io.livecomplaints.resolution.support.Fixtures.policies;
import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The team board from a set of cases at a moment: by state, load, deadlines in their warning window, breaches, oldest, escalations. */
class TeamBoardTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static ComplaintCase opened(String id, Instant at) {
        return CaseOpening.open(triaged(id, at).build(), null, policies(), at).result();
    }

    @Test
    void countsWhatASupervisorNeedsToSee() {
        ComplaintCase unassigned = opened("C-1", T0); // first response due T0+30m, warns at T0+24m
        ComplaintCase mine = ComplaintCase.newBuilder(opened("C-2", T0.plusSeconds(60))).setState(CaseState.IN_PROGRESS).setAssigneeId("A-1").build();
        ComplaintCase escalated = ComplaintCase.newBuilder(opened("C-3", T0.plusSeconds(120))).setState(CaseState.ESCALATED).setAssigneeId("A-1")
                .setEscalationLevel(1).setNewInputAt(T0).build();
        escalated = ComplaintCase.newBuilder(escalated).setSlaClocks(escalated.getSlaClocks().stream()
                .map(s -> SlaClockStatus.newBuilder(s).setBreachedAt(s.getDueAt()).build()).collect(Collectors.toList())).build();
        ComplaintCase closed = ComplaintCase.newBuilder(opened("C-4", T0.minusSeconds(600))).setState(CaseState.CLOSED).build();
        ComplaintCase otherTeam = ComplaintCase.newBuilder(opened("C-5", T0.minusSeconds(900))).setTeam("logistics").build();

        TeamBoard board = TeamBoard.of("after-sales", List.of(unassigned, mine, escalated, closed, otherTeam), T0.plus(Duration.ofMinutes(25)));

        assertThat(board.open()).isEqualTo(3);
        assertThat(board.byState()).containsEntry(CaseState.TRIAGED, 1).containsEntry(CaseState.IN_PROGRESS, 1).containsEntry(CaseState.ESCALATED, 1);
        assertThat(board.agents()).containsExactly(new TeamBoard.AgentLoad("A-1", 2, 1));
        assertThat(board.unassigned()).isEqualTo(1);
        assertThat(board.atRisk()).extracting(TeamBoard.Item::complaintId).containsExactlyInAnyOrder("C-1", "C-2");
        assertThat(board.breached()).extracting(TeamBoard.Item::complaintId).containsExactly("C-3");
        assertThat(board.escalations()).extracting(TeamBoard.Item::complaintId).containsExactly("C-3");
        assertThat(board.newInput()).extracting(TeamBoard.Item::complaintId).containsExactly("C-3");
        assertThat(board.oldestOpen().complaintId()).isEqualTo("C-1");
    }
}

package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintCommand;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20, finding 3: a case never grows past what one Kafka record may carry, and a full case can still be finished. */
class CaseSizeBoundTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final CaseSizeBound bound = sizeBound(); // 512 KiB text budget, 768 KiB largest case, 50 evidence items

    private static ComplaintCase withNote(ComplaintCase c, int chars) {
        List<TimelineEntry> timeline = new ArrayList<>(c.getTimeline());
        timeline.add(TimelineEntry.newBuilder().setAt(T0).setAction("PROGRESS_NOTE").setToState(c.getState())
                .setActorId("A-1").setNote("x".repeat(chars)).build());
        return ComplaintCase.newBuilder(c).setTimeline(timeline).build();
    }

    private static ComplaintCommand.Builder by(CommandAction action) {
        return command("C-sm", agent("A-1", AgentTier.JUNIOR), action, T0).setNote("进度说明");
    }

    private static CaseChange handle(ComplaintCase c, ComplaintCommand.Builder command) {
        return CaseCommands.handle(c, command.build(), policies(), T0.plusSeconds(60));
    }

    @Test
    void pastTheTextBudgetOnlyConcludingStepsApply() {
        ComplaintCase full = withNote(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS), 520 * 1024);
        assertThat(CaseSizeBound.sizeOf(full)).isGreaterThan(512 * 1024);

        for (CommandAction action : List.of(CommandAction.PROGRESS_NOTE, CommandAction.ESCALATE)) {
            CaseChange refused = handle(full, by(action));
            assertThat(refused.refusal()).as(action.name()).hasValueSatisfying(r -> {
                assertThat(r.kind()).isEqualTo(Refusal.Kind.CASE_FULL);
                assertThat(r.reason()).contains("size budget", "only decisions");
            });
        }
        CaseChange resolved = handle(full, by(CommandAction.RESOLVE).setDecision(refund(5_000)));
        assertThat(resolved.result().getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(bound.tooLarge(resolved.result())).isEmpty();
    }

    @Test
    void belowTheBudgetNotesApply() {
        ComplaintCase roomy = withNote(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS), 500 * 1024);
        assertThat(handle(roomy, by(CommandAction.PROGRESS_NOTE)).refusal()).isEmpty();
    }

    @Test
    void aCaseLargerThanTheBoundIsNeverWritten() {
        ComplaintCase c = CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS);
        assertThat(bound.tooLarge(c)).isEmpty();
        assertThat(bound.tooLarge(withNote(c, 800 * 1024))).hasValueSatisfying(reason ->
                assertThat(reason).contains("case C-sm would grow to", "above its bound of 786432 bytes"));
    }

    @Test
    void aCaseKeepsAtMostTheConfiguredEvidenceItems() {
        Evidence photo = Evidence.newBuilder().setKind(EvidenceKind.PHOTO).setUrl("https://img.example.com/1.png").build();
        ComplaintCase c = CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS);
        ComplaintCase almost = ComplaintCase.newBuilder(c).setEvidence(new ArrayList<>(Collections.nCopies(49, photo))).build();
        ComplaintCase full = ComplaintCase.newBuilder(c).setEvidence(new ArrayList<>(Collections.nCopies(50, photo))).build();

        assertThat(handle(almost, by(CommandAction.ADD_EVIDENCE).setEvidence(List.of(photo))).refusal()).isEmpty();
        assertThat(handle(full, by(CommandAction.ADD_EVIDENCE).setEvidence(List.of(photo))).refusal())
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("at most 50 are kept"));
    }

    @Test
    void theBoundsMustLeaveRoomBetweenThem() {
        assertThatThrownBy(() -> new CaseSizeBound(1024, 1024, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseSizeBound(1024, 2048, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.livecomplaints.intake.progress.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerViewTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void beforeACaseExistsTheComplaintIsReceivedWithItsPromisedDeadline() {
        ComplaintReceived received = ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create("C-1", "intake-service", null, AT)).setUserId("U-1").setChannel(Channel.IM)
                .setText("x").setSource("api").setEnrichment(Enrichment.newBuilder().build()).setReceivedAt(AT)
                .setFirstResponseDueAt(AT.plus(Duration.ofMinutes(5))).build();

        OwnerView view = OwnerView.received(received);

        assertThat(view.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(view.firstResponseDueAt()).isEqualTo(AT.plus(Duration.ofMinutes(5)));
        assertThat(view.timeline()).containsExactly(new OwnerView.Step(AT, "RECEIVED", null, CaseState.RECEIVED));
        assertThat(view.decision()).isNull();
    }

    @Test
    void aCaseShowsItsStepsAndDecisionWithoutAgentsOrNotes() {
        ComplaintCase c = ComplaintCase.newBuilder()
                .setEnvelope(Envelopes.create("C-1", "resolution-service", null, AT)).setState(CaseState.REJECTED).setVersion(3)
                .setUserId("U-1").setChannel(Channel.ORDER_PAGE).setType(ComplaintType.AFTER_SALES_POLICY).setSeverity(Severity.LOW)
                .setPriority(10).setTeam("after-sales").setReceivedAt(AT).setFirstResponseDueAt(AT.plus(Duration.ofMinutes(30)))
                .setDecision(RemedyDecision.newBuilder().setRemedy(Remedy.REJECT).setReason("已超过七天无理由退货期限").setRuleId("R-7D").build())
                .setTimeline(List.of(TimelineEntry.newBuilder().setAt(AT).setAction("REJECT").setFromState(CaseState.IN_PROGRESS)
                        .setToState(CaseState.REJECTED).setActorId("A-3").setNote("internal").build()))
                .build();

        OwnerView view = OwnerView.ofCase("C-1", c);

        assertThat(view.state()).isEqualTo(CaseState.REJECTED);
        assertThat(view.timeline()).containsExactly(new OwnerView.Step(AT, "REJECT", CaseState.IN_PROGRESS, CaseState.REJECTED));
        assertThat(view.decision()).isEqualTo(new OwnerView.Decision("REJECT", 0, 0, "已超过七天无理由退货期限"));
        assertThat(view.toString()).doesNotContain("A-3").doesNotContain("internal");
    }

    @Test
    void onlyTheOwningUserMayRead() {
        assertThat(OwnerOnly.mayRead(true, "U-1", "U-1")).isTrue();
        assertThat(OwnerOnly.mayRead(true, "U-2", "U-1")).isFalse();
        assertThat(OwnerOnly.mayRead(false, "U-1", "U-1")).as("a system or agent token with the same subject").isFalse();
        assertThat(OwnerOnly.mayRead(true, null, null)).isFalse();
    }
}

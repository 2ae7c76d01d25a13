package io.livecomplaints.resolution.cases;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14's rules through the resolution topology, with time moved instead of waited for. */
class DomainRulesTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private CaseTopologyHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new CaseTopologyHarness(policies(), T0);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anAutoAnsweredComplaintIsResolvedAndNeverBreachesNorEscalates() {
        ComplaintTriaged.Builder t = triaged("C-auto", T0).setAutoReply(true).setTeam("tech-support")
                .setDiagnosis(QosDiagnosis.newBuilder().setVerdict(QosVerdict.VIEWER_SIDE).setAdvice("请切换网络后重试。").build());
        t.getClassification().setPrimaryType(ComplaintType.STREAM_QUALITY);
        h.open(t.build());

        assertThat(h.caseOf("C-auto").getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(h.outcomes.readValuesToList()).singleElement()
                .satisfies(o -> assertThat(o.getDecision().getRemedy()).isEqualTo(Remedy.ADVICE));
        h.advance(Duration.ofHours(49)); // past the first response (30 min) and resolution (48 h) deadlines
        List<SlaEvent> sla = h.slaEvents.readValuesToList();
        assertThat(sla).isEmpty();
        assertThat(h.caseOf("C-auto").getEscalationLevel()).isZero();
        assertThat(h.caseOf("C-auto").getState()).isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void aRefundOnAnOrderReachesTheOrdersRecordAndWithholdsTheNextExpressRefund() {
        h.open(triaged("C-first", T0).build());
        h.send(command("C-first", agent("A-1", AgentTier.SENIOR), CommandAction.ACCEPT, T0).build());
        h.send(command("C-first", agent("A-1", AgentTier.SENIOR), CommandAction.RESOLVE, T0).setDecision(fullRefund(29_900)).build());
        assertThat(h.caseOf("C-first").getState()).isEqualTo(CaseState.RESOLVED);
        CreditRecord order = h.credit.readKeyValuesToList().stream().filter(kv -> kv.key.equals("ORDER:O-1"))
                .reduce((a, b) -> b).orElseThrow().value;
        assertThat(order.getRefundCount()).isEqualTo(1);
        assertThat(order.getRefundsFen()).isEqualTo(29_900);

        ComplaintTriaged again = smallClaim("C-again", T0);
        again.getComplaint().setUserId("U-2");
        h.open(again);
        assertThat(h.caseOf("C-again").getState()).isEqualTo(CaseState.TRIAGED);
        assertThat(h.caseOf("C-again").getTimeline()).anySatisfy(e -> assertThat(e.getAction()).isEqualTo("EXPRESS_REFUND_WITHHELD"));

        ComplaintTriaged otherOrder = smallClaim("C-other", T0);
        otherOrder.getComplaint().setOrderId("O-2");
        otherOrder.getComplaint().setUserId("U-3");
        h.open(otherOrder);
        assertThat(h.caseOf("C-other").getState()).isEqualTo(CaseState.RESOLVED); // another order: paid at once
    }
}

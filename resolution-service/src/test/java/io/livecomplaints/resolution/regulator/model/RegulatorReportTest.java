package io.livecomplaints.resolution.regulator.model;

import static io.livecomplaints.resolution.support.Fixtures.policies;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.TimelineEntry;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 #4: the regulators' CSV export, RFC 4180 quoting of Chinese text with commas, quotes and line breaks. */
class RegulatorReportTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(RegulatorReport.field("退款，已到账")).isEqualTo("退款，已到账"); // a full-width comma needs no quotes
        assertThat(RegulatorReport.field("退款,已到账")).isEqualTo("\"退款,已到账\"");
        assertThat(RegulatorReport.field("主播称\"假一赔十\"")).isEqualTo("\"主播称\"\"假一赔十\"\"\"");
        assertThat(RegulatorReport.field("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(RegulatorReport.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RegulatorReport.field("-500")).isEqualTo("-500");
        assertThat(RegulatorReport.field(null)).isEmpty();
    }

    @Test
    void aDecidedCaseIsOneRowUnderTheHeader() {
        Instant deadline = T0.plus(Duration.ofDays(7));
        ComplaintCase opened = CaseOpening.open(RegulatorDeadlineCapTest.regulatorComplaint("C-r1", T0, deadline), null,
                policies(), T0).result();
        List<TimelineEntry> timeline = new ArrayList<>(opened.getTimeline());
        timeline.add(TimelineEntry.newBuilder().setAt(T0.plus(Duration.ofHours(3))).setAction("RESOLVE")
                .setFromState(CaseState.IN_PROGRESS).setToState(CaseState.RESOLVED).setActorId("A-1").build());
        ComplaintCase decided = ComplaintCase.newBuilder(opened).setState(CaseState.RESOLVED).setTimeline(timeline)
                .setDecision(RemedyDecision.newBuilder().setRemedy(Remedy.FULL_REFUND).setRefundFen(29_900)
                        .setCompensationFen(1_000).setLiableParty(LiableParty.MERCHANT)
                        .setReason("商品与直播间宣传不符,\"羊毛\"实为化纤").setRuleId("R-FALSE-AD-1").build())
                .build();
        ComplaintCase open = CaseOpening.open(RegulatorDeadlineCapTest.regulatorComplaint("C-r0", T0.minusSeconds(60), deadline),
                null, policies(), T0).result();

        String csv = RegulatorReport.csv(List.of(decided, open));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "complaintId,ticketReference,authority,ticketDeadline,receivedAt,state,decision,basis,refundFen,compensationFen,decidedAt",
                "C-r0,12315-C-r0,12315,2026-03-09T02:00:00Z,2026-03-02T01:59:00Z,TRIAGED,,,,,",
                "C-r1,12315-C-r1,12315,2026-03-09T02:00:00Z,2026-03-02T02:00:00Z,RESOLVED,FULL_REFUND,"
                        + "\"商品与直播间宣传不符,\"\"羊毛\"\"实为化纤 [R-FALSE-AD-1]\",29900,1000,2026-03-02T05:00:00Z",
                "");
    }

    @Test
    void onlyCasesWithATicketReceivedInThePeriodAreIncluded() {
        ComplaintCase c = CaseOpening.open(RegulatorDeadlineCapTest.regulatorComplaint("C-r", T0, T0.plus(Duration.ofDays(1))),
                null, policies(), T0).result();
        assertThat(RegulatorReport.includes(c, T0, T0.plusSeconds(1))).isTrue();
        assertThat(RegulatorReport.includes(c, T0.minusSeconds(10), T0)).isFalse(); // [from, to)
        assertThat(RegulatorReport.includes(ComplaintCase.newBuilder(c).setRegulatorTicket(null).build(), T0, T0.plusSeconds(1))).isFalse();
    }
}

package io.livecomplaints.resolution.cases.model;

import static io.livecomplaints.resolution.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.AgentTier;
import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CommandAction;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.events.QosDiagnosis;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaClockStatus;
import io.livecomplaints.resolution.credit.model.CreditLedger;
import io.livecomplaints.resolution.fastpath.model.AutoAnswerPolicy;
import io.livecomplaints.resolution.fastpath.model.ExpressRefundPolicy;
import io.livecomplaints.resolution.sla.model.SlaClocks;
import io.livecomplaints.resolution.sla.model.SlaTimer;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's rules at the model level: auto-answered complaints end, the basis rule holds where the decision is made,
 * express refund never pays an order twice, anchor penalties carry their level and duration.
 */
class DomainRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private final CasePolicies policies = policies();

    // --- 2. auto-answered complaints end ---------------------------------------------------------------------------

    static ComplaintTriaged autoReplied(String id, Instant at) {
        ComplaintTriaged.Builder t = triaged(id, at).setAutoReply(true).setTeam("tech-support")
                .setDiagnosis(QosDiagnosis.newBuilder().setVerdict(QosVerdict.VIEWER_SIDE).setCdnNode("cdn-sh-3")
                        .setAdvice("请切换到更稳定的Wi-Fi或4G/5G网络后重新进入直播间。").build());
        t.getClassification().setPrimaryType(ComplaintType.STREAM_QUALITY);
        t.getComplaint().setDemands(List.of());
        return t.build();
    }

    @Test
    void aViewerSideComplaintAnsweredAutomaticallyIsResolvedBySystemWithTheDiagnosisAsBasis() {
        CaseChange opened = CaseOpening.open(autoReplied("C-auto", T0), null, policies, T0);
        ComplaintCase c = opened.result();

        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getFirstRespondedAt()).isEqualTo(T0);
        assertThat(c.getFastPath()).isEqualTo(AutoAnswerPolicy.FAST_PATH);
        assertThat(SlaClocks.find(c.getSlaClocks(), SlaClock.FIRST_RESPONSE).orElseThrow().getMetAt()).isEqualTo(T0);
        assertThat(c.getSlaClocks()).allSatisfy(s -> assertThat(SlaClocks.running(s)).isFalse());
        assertThat(opened.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.getOutcome()).isEqualTo(OutcomeResult.RESOLVED);
            assertThat(o.getDecidedBy()).isEqualTo("resolution-service");
            assertThat(o.getDecision().getRemedy()).isEqualTo(Remedy.ADVICE);
            assertThat(o.getDecision().getLiableParty()).isEqualTo(LiableParty.USER);
            assertThat(o.getDecision().getRuleId()).isEqualTo(AutoAnswerPolicy.RULE_ID);
            assertThat(o.getDecision().getReason()).contains("网络").contains("Wi-Fi");
            assertThat(policies.basis().hasBasis(o.getDecision())).isTrue();
        });
        // no clock left to breach: its only pending timer is the auto-close, and the clocks' timers do nothing
        assertThat(CaseTimers.pending(c, policies)).extracting(SlaTimer::kind).containsExactly(SlaTimer.Kind.AUTO_CLOSE);
        for (var clock : c.getSlaClocks()) {
            for (SlaTimer timer : List.of(new SlaTimer(clock.getWarnAt(), "C-auto", SlaTimer.Kind.WARNING, clock.getClock()),
                    new SlaTimer(clock.getDueAt(), "C-auto", SlaTimer.Kind.DEADLINE, clock.getClock()))) {
                assertThat(CaseTimers.fire(c, timer, policies, timer.fireAt())).isEmpty();
            }
        }
    }

    @Test
    void theUserMayDisputeTheAutomaticAnswerAndAnAgentTakesItFromThere() {
        ComplaintCase answered = CaseOpening.open(autoReplied("C-auto", T0), null, policies, T0).result();
        CaseChange disputed = CaseCommands.handle(answered, command("C-auto", user("U-1"), CommandAction.REOPEN, T0.plusSeconds(60))
                .setNote("换了网络还是卡").build(), policies, T0.plusSeconds(60));
        assertThat(disputed.refusal()).isEmpty();
        assertThat(disputed.result().getState()).isEqualTo(CaseState.REOPENED);
        assertThat(SlaClocks.find(disputed.result().getSlaClocks(), SlaClock.RESOLUTION).orElseThrow().getDueAt())
                .isEqualTo(T0.plusSeconds(60).plus(Duration.ofHours(48)));
    }

    @Test
    void aComplaintNotAnsweredAutomaticallyOrNotViewerSideWaitsForAnAgent() {
        ComplaintTriaged platformSide = ComplaintTriaged.newBuilder(autoReplied("C-cdn", T0)).setAutoReply(false)
                .setDiagnosis(QosDiagnosis.newBuilder().setVerdict(QosVerdict.CDN_NODE_OVERLOADED).build()).build();
        assertThat(CaseOpening.open(platformSide, null, policies, T0).result().getState()).isEqualTo(CaseState.TRIAGED);
        ComplaintTriaged noDiagnosis = ComplaintTriaged.newBuilder(autoReplied("C-none", T0)).setDiagnosis(null).build();
        assertThat(CaseOpening.open(noDiagnosis, null, policies, T0).result().getState()).isEqualTo(CaseState.TRIAGED);
    }

    // --- 3. the basis rule holds where the decision is made ---------------------------------------------------------

    private CaseChange resolve(RemedyDecision decision) {
        ComplaintCase inProgress = ComplaintCase.newBuilder(CaseStateMachineTest.caseIn(CaseState.IN_PROGRESS))
                .setAssigneeId("A-1").setAmountPaidFen(1_000_000L).build();
        return CaseCommands.handle(inProgress, command("C-b", agent("A-1", AgentTier.SENIOR), CommandAction.RESOLVE, T0)
                .setDecision(decision).build(), policies, T0);
    }

    private static RemedyDecision apologyBecause(String reason, String ruleId) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.APOLOGY).setLiableParty(LiableParty.MERCHANT)
                .setReason(reason).setRuleId(ruleId).build();
    }

    @Test
    void aReasonThatSaysNothingWithoutARuleIdIsRefusedNamingReasonAndRuleId() {
        CaseChange bare = resolve(apologyBecause("不符合条件", null));
        assertThat(bare.refusal()).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(r.fields()).containsOnlyKeys("reason", "ruleId");
        });
        assertThat(bare.outcomes()).isEmpty();
        assertThat(bare.result().getTimeline().get(bare.result().getTimeline().size() - 1).getAction()).isEqualTo("RESOLVE_REFUSED");
        assertThat(Refusal.recordedIn(bare.result().getTimeline().get(bare.result().getTimeline().size() - 1)))
                .as("the step records the kind and the reason, read back without the field problems")
                .hasValueSatisfying(r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.reason()).isEqualTo(bare.refusal().get().reason());
                });
        assertThat(resolve(apologyBecause(" Not eligible. ", "")).refusal()).isPresent();
    }

    @Test
    void aBareReasonWithItsRuleOrAReasonThatExplainsIsAccepted() {
        assertThat(resolve(apologyBecause("不符合条件", "RULE-7D-RETURN")).refusal()).isEmpty();
        assertThat(resolve(apologyBecause("主播在直播中言语不当，已向您致歉", null)).refusal()).isEmpty();
    }

    // --- 7. no double refunds --------------------------------------------------------------------------------------

    private static ComplaintTriaged smallClaimOn(String id, OrderStatus status) {
        ComplaintTriaged t = smallClaim(id, T0);
        ComplaintReceived c = ComplaintReceived.newBuilder(t.getComplaint())
                .setEnrichment(Enrichment.newBuilder(t.getComplaint().getEnrichment()).setOrderStatus(status).build()).build();
        return ComplaintTriaged.newBuilder(t).setComplaint(c).build();
    }

    private static CreditRecord orderRefunded(long fen) {
        return CreditRecord.newBuilder().setEnvelope(Envelopes.create("C-earlier", "resolution-service", null, T0))
                .setSubject(CreditSubject.ORDER).setSubjectId("O-1").setRefundCount(1).setRefundsFen(fen).build();
    }

    @Test
    void aSmallClaimOnAnOrderNobodyPaidBackIsRefundedAtOnce() {
        ComplaintCase c = CaseOpening.open(smallClaimOn("C-x", OrderStatus.DELIVERED), null, null, policies, T0).result();
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.getFastPath()).isEqualTo(ExpressRefundPolicy.FAST_PATH);
    }

    @Test
    void anOrderAlreadyRefundedOrCancelledGoesToAnAgentWithTheReasonOnTheTimeline() {
        for (OrderStatus status : List.of(OrderStatus.REFUNDED, OrderStatus.CANCELLED)) {
            CaseChange opened = CaseOpening.open(smallClaimOn("C-" + status, status), null, null, policies, T0);
            ComplaintCase c = opened.result();
            assertThat(c.getState()).isEqualTo(CaseState.TRIAGED);
            assertThat(c.getDecision()).isNull();
            assertThat(opened.outcomes()).isEmpty();
            assertThat(c.getTimeline()).anySatisfy(e -> {
                assertThat(e.getAction()).isEqualTo("EXPRESS_REFUND_WITHHELD");
                assertThat(e.getNote()).contains("O-1").contains(status.name());
            });
        }
    }

    @Test
    void anOrderAnEarlierComplaintGotMoneyBackForIsNotRefundedAgainAutomatically() {
        CaseChange opened = CaseOpening.open(smallClaimOn("C-again", OrderStatus.DELIVERED), null, orderRefunded(3_000), policies, T0);
        assertThat(opened.result().getState()).isEqualTo(CaseState.TRIAGED);
        assertThat(opened.result().getTimeline()).anySatisfy(e ->
                assertThat(e.getNote()).contains("earlier complaint on order O-1").contains("3000 fen"));
    }

    @Test
    void aRefundGoesOnTheOrdersRecordThatTheNextOpeningReads() {
        CaseChange express = CaseOpening.open(smallClaimOn("C-first", OrderStatus.DELIVERED), null, null, policies, T0);
        CreditRecord order = express.creditDeltas().stream().filter(d -> d.getSubject() == CreditSubject.ORDER)
                .reduce(null, CreditLedger::add, (a, b) -> b);
        assertThat(order.getSubjectId()).isEqualTo("O-1");
        assertThat(order.getRefundCount()).isEqualTo(1);
        assertThat(order.getRefundsFen()).isEqualTo(3_000);
        assertThat(CaseOpening.open(smallClaimOn("C-second", OrderStatus.DELIVERED), null, order, policies, T0).result().getState())
                .isEqualTo(CaseState.TRIAGED);
        // a decision without money leaves the order's record alone
        assertThat(resolve(apologyBecause("主播已道歉", null)).creditDeltas()).noneMatch(d -> d.getSubject() == CreditSubject.ORDER);
    }

    // --- 8. anchor penalties have levels ---------------------------------------------------------------------------

    private static RemedyDecision penalty(PenaltyLevel level, Integer days) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.ANCHOR_PENALTY).setLiableParty(LiableParty.ANCHOR)
                .setReason("主播在直播中辱骂用户，违反主播行为规范")
                .setAnchorPenalty(level == null ? null : AnchorPenalty.newBuilder().setLevel(level).setDurationDays(days).build())
                .build();
    }

    private Map<String, String> problems(RemedyDecision d) {
        return resolve(d).refusal().map(Refusal::fields).orElse(Map.of());
    }

    @Test
    void anAnchorPenaltyNeedsItsLevelAndATimedOneItsDuration() {
        assertThat(problems(penalty(null, null))).containsOnlyKeys("anchorPenalty.level");
        assertThat(problems(penalty(PenaltyLevel.TRAFFIC_LIMIT, null))).containsOnlyKeys("anchorPenalty.durationDays");
        assertThat(problems(penalty(PenaltyLevel.SUSPENSION, 0))).containsOnlyKeys("anchorPenalty.durationDays");
        assertThat(problems(penalty(PenaltyLevel.SUSPENSION, 366))).containsOnlyKeys("anchorPenalty.durationDays");
        assertThat(problems(penalty(PenaltyLevel.WARNING, 3))).containsOnlyKeys("anchorPenalty.durationDays");
        assertThat(problems(penalty(PenaltyLevel.BAN, 30))).containsOnlyKeys("anchorPenalty.durationDays");
        RemedyDecision apologyWithPenalty = RemedyDecision.newBuilder(apologyBecause("主播已道歉", null))
                .setAnchorPenalty(AnchorPenalty.newBuilder().setLevel(PenaltyLevel.WARNING).build()).build();
        assertThat(problems(apologyWithPenalty)).containsOnlyKeys("anchorPenalty");

        assertThat(problems(penalty(PenaltyLevel.WARNING, null))).isEmpty();
        assertThat(problems(penalty(PenaltyLevel.TRAFFIC_LIMIT, 7))).isEmpty();
        assertThat(problems(penalty(PenaltyLevel.SUSPENSION, 30))).isEmpty();
        assertThat(problems(penalty(PenaltyLevel.BAN, null))).isEmpty();
    }

    @Test
    void thePenaltyGoesOnTheAnchorsRecordWithItsLevelAndDuration() {
        CaseChange limited = resolve(penalty(PenaltyLevel.TRAFFIC_LIMIT, 7));
        assertThat(limited.outcomes()).singleElement().satisfies(o ->
                assertThat(o.getDecision().getAnchorPenalty().getLevel()).isEqualTo(PenaltyLevel.TRAFFIC_LIMIT));
        CreditRecord anchor = limited.creditDeltas().stream().filter(d -> d.getSubject() == CreditSubject.ANCHOR)
                .findFirst().orElseThrow();
        assertThat(anchor.getAnchorPenalties()).isEqualTo(1);
        assertThat(anchor.getLastAnchorPenalty().getDurationDays()).isEqualTo(7);

        CreditRecord banned = resolve(penalty(PenaltyLevel.BAN, null)).creditDeltas().stream()
                .filter(d -> d.getSubject() == CreditSubject.ANCHOR).findFirst().orElseThrow();
        CreditRecord record = CreditLedger.add(CreditLedger.add(null, anchor), banned);
        assertThat(record.getAnchorPenalties()).isEqualTo(2);
        assertThat(record.getLastAnchorPenalty().getLevel()).isEqualTo(PenaltyLevel.BAN);
        assertThat(record.getLastAnchorPenalty().getDurationDays()).isNull();
    }
}

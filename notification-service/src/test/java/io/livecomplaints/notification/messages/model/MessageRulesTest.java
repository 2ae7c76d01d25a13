package io.livecomplaints.notification.messages.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.AnchorPenalty;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.PenaltyLevel;
import io.livecomplaints.schemas.rules.DecisionBasis;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.notification.Events;
import io.livecomplaints.notification.templates.model.Fragment;
import io.livecomplaints.notification.templates.model.Money;
import io.livecomplaints.notification.templates.model.Term;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageRulesTest {

    private final ResultRule results = new ResultRule(new ResultBasis(DecisionBasis.defaults()), Duration.ofHours(1));

    @Test
    void anAcknowledgmentPromisesTheDeadlineIntakeComputed() {
        Instant due = Instant.parse("2026-11-23T10:30:00Z");
        ComplaintReceived received = Events.received("C-1", "U-1", "en", null, due);

        Notice notice = AcknowledgmentRule.acknowledge(received);

        assertThat(notice.message()).isEqualTo(Message.ACKNOWLEDGMENT);
        assertThat(notice.kind()).isEqualTo(NotificationKind.ACKNOWLEDGMENT);
        assertThat(notice.values()).containsEntry("dueAt", due).containsEntry("complaintId", "C-1");
        assertThat(notice.sourceEventId()).isEqualTo(received.getEnvelope().getEventId());
        assertThat(notice.dedupId()).isEqualTo(received.getEnvelope().getComplaintId()); // acknowledged once per complaint
        assertThat(notice.language()).isEqualTo("en");
    }

    @Test
    void triageAnnouncesTheTeamOrGivesTheAutomaticAdvice() {
        ComplaintReceived received = Events.received("C-2", "U-1", "zh-CN", null, Instant.now());

        Notice assigned = AssignmentRule.announce(Events.triaged(received, ComplaintType.LOGISTICS, "logistics", false, null));
        Notice advice = AssignmentRule.announce(Events.triaged(received, ComplaintType.STREAM_QUALITY, "tech-support", true, "切换到Wi-Fi后重新进入直播间。"));

        assertThat(assigned.message()).isEqualTo(Message.ASSIGNED);
        assertThat(assigned.values().get("team")).isEqualTo(new Term("team.logistics", "logistics"));
        assertThat(assigned.type()).isEqualTo(ComplaintType.LOGISTICS);
        assertThat(advice.message()).isEqualTo(Message.AUTO_REPLY);
        assertThat(advice.values()).containsEntry("advice", "切换到Wi-Fi后重新进入直播间。");
    }

    @ParameterizedTest
    @CsvSource({
            "ACCEPT, ASSIGNED, IN_PROGRESS, progress.started",
            "REQUEST_MERCHANT_RESPONSE, IN_PROGRESS, AWAITING_MERCHANT, progress.awaiting-merchant",
            "MERCHANT_RESPONDED, AWAITING_MERCHANT, IN_PROGRESS, progress.merchant-responded",
            "PROPOSE_REMEDY, IN_PROGRESS, AWAITING_APPROVAL, progress.awaiting-approval",
            "ESCALATE, IN_PROGRESS, ESCALATED, escalated",
            "SLA_BREACHED, ASSIGNED, ESCALATED, escalated-overdue",
            "REOPEN, RESOLVED, REOPENED, reopened"})
    void caseStepsThatConcernTheUserAreTold(String action, CaseState from, CaseState to, String expectedKey) {
        var change = Events.caseChange("C-3", "U-1", "zh-CN", 3, action, from, to, null);
        assertThat(CaseProgressRule.progress(change, 2)).map(n -> n.message().key()).contains(expectedKey);
    }

    @ParameterizedTest
    @CsvSource({
            "RESOLVE, IN_PROGRESS, RESOLVED",
            "CLOSE, RESOLVED, CLOSED",
            "APPROVE, AWAITING_APPROVAL, IN_PROGRESS",
            "REASSIGN, ASSIGNED, ASSIGNED"})
    void internalStepsAndResultsAreNotToldFromCaseChanges(String action, CaseState from, CaseState to) {
        var change = Events.caseChange("C-4", "U-1", "zh-CN", 3, action, from, to, null);
        assertThat(CaseProgressRule.progress(change, 2)).isEmpty();
    }

    @Test
    void anInternalNoteIsNeverTold() {
        var change = Events.caseChange("C-4b", "U-1", "zh-CN", 3, "INTERNAL_NOTE", CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, "商家有前科，先查质检");
        var timeline = new java.util.ArrayList<>(change.getTimeline());
        var last = timeline.remove(timeline.size() - 1);
        timeline.add(io.livecomplaints.events.TimelineEntry.newBuilder(last).setInternal(true).build());
        change.setTimeline(timeline);
        assertThat(CaseProgressRule.progress(change, 2)).isEmpty();
        // even under the progress note's own action name, an internal step is not told
        var disguised = Events.caseChange("C-4c", "U-1", "zh-CN", 3, "PROGRESS_NOTE", CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, "内部");
        var steps = new java.util.ArrayList<>(disguised.getTimeline());
        var note = steps.remove(steps.size() - 1);
        steps.add(io.livecomplaints.events.TimelineEntry.newBuilder(note).setInternal(true).build());
        disguised.setTimeline(steps);
        assertThat(CaseProgressRule.progress(disguised, 2)).isEmpty();
    }

    @Test
    void anAgentsProgressNoteIsPassedOnAndAReplayedVersionIsNotToldTwice() {
        var note = Events.caseChange("C-5", "U-1", "zh-CN", 4, "PROGRESS_NOTE", CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, " 已联系快递公司核查 ");

        assertThat(CaseProgressRule.progress(note, 3)).map(n -> n.values().get("note")).contains("已联系快递公司核查");
        assertThat(CaseProgressRule.progress(note, 4)).isEmpty();
    }

    @Test
    void ofTheStepsOneChangeAddsTheLatestThatConcernsTheUserIsToldAndEarlierChangesAreNot() {
        var change = Events.caseChange("C-5b", "U-1", "zh-CN", 5, "ESCALATE", CaseState.IN_PROGRESS, CaseState.ESCALATED, null);
        Instant at = change.getTimeline().get(1).getAt();
        var timeline = new java.util.ArrayList<>(change.getTimeline());
        timeline.add(0, io.livecomplaints.events.TimelineEntry.newBuilder().setAt(at.minusSeconds(60)).setAction("ACCEPT")
                .setFromState(CaseState.ASSIGNED).setToState(CaseState.IN_PROGRESS).setActorId("A-1").build());
        timeline.add(io.livecomplaints.events.TimelineEntry.newBuilder().setAt(at).setAction("SLA_WARNING")
                .setFromState(CaseState.ESCALATED).setToState(CaseState.ESCALATED).setActorId("resolution-service").build());
        change.setTimeline(timeline);

        assertThat(CaseProgressRule.progress(change, 4)).map(n -> n.message()).contains(Message.ESCALATED);
    }

    @Test
    void onlySlaWarningsReachTheUser() {
        Instant due = Instant.parse("2026-11-24T08:00:00Z");
        var warning = Events.slaWarning("C-6", "U-1", "zh-CN", due);
        assertThat(SlaWarningRule.warn(warning)).map(n -> n.values().get("dueAt")).contains(due);

        warning.setKind(io.livecomplaints.events.SlaEventKind.BREACHED);
        assertThat(SlaWarningRule.warn(warning)).isEmpty();
    }

    @Test
    void aResultCarriesRemedyAmountsAndBasisThenTheSurveyFollowsAfterTheDelay() {
        ComplaintOutcome outcome = Events.outcome("C-7", "U-1", "zh-CN", ComplaintType.LOGISTICS, Remedy.FULL_REFUND, 12_990,
                "物流显示包裹丢失，商家未能提供签收证明", "R-LOG-3");

        List<Notice> told = results.tell(outcome).notices();

        assertThat(told).extracting(Notice::kind).containsExactly(NotificationKind.RESULT, NotificationKind.SURVEY);
        Notice result = told.get(0);
        assertThat(result.message().key()).isEqualTo("result.FULL_REFUND");
        assertThat(result.values()).containsEntry("refund", new Money(12_990));
        assertThat(result.values().get("basis")).isEqualTo(new Fragment(Message.BASIS,
                java.util.Map.of("reason", "物流显示包裹丢失，商家未能提供签收证明", "rule", "R-LOG-3")));
        assertThat(result.delay()).isZero();
        assertThat(told.get(1).delay()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBareRejectionWithoutARuleIsStillToldWithTheGenericBasisAndFlaggedAsADefect() {
        ComplaintOutcome bare = Events.outcome("C-8", "U-1", "zh-CN", ComplaintType.PRICE, Remedy.REJECT, 0, "不符合条件。", null);
        ResultRule.Told told = results.tell(bare);
        assertThat(told.genericBasis()).isTrue();
        assertThat(told.notices()).extracting(Notice::kind).containsExactly(NotificationKind.RESULT, NotificationKind.SURVEY);
        assertThat(told.notices().get(0).values().get("basis")).isEqualTo(new Fragment(Message.BASIS_GENERIC, java.util.Map.of()));

        ComplaintOutcome blank = Events.outcome("C-9", "U-1", "en", ComplaintType.PRICE, Remedy.REJECT, 0, "  ", null);
        assertThat(results.tell(blank).genericBasis()).isTrue();
        ComplaintOutcome english = Events.outcome("C-9", "U-1", "en", ComplaintType.PRICE, Remedy.APOLOGY, 0, "Not eligible!", "");
        assertThat(results.tell(english).genericBasis()).isTrue();
    }

    @Test
    void anAnchorPenaltyIsToldWithItsLevelAndDuration() {
        ComplaintOutcome limited = Events.outcome("C-12", "U-1", "zh-CN", ComplaintType.ANCHOR_CONDUCT, Remedy.ANCHOR_PENALTY, 0,
                "主播在直播中辱骂用户，违反主播行为规范", "R-ANCHOR-3");
        limited.getDecision().setAnchorPenalty(AnchorPenalty.newBuilder().setLevel(PenaltyLevel.TRAFFIC_LIMIT).setDurationDays(7).build());
        Notice result = results.tell(limited).notices().get(0);
        assertThat(result.values().get("penalty")).isEqualTo(new Fragment("penalty.TRAFFIC_LIMIT", java.util.Map.of("days", 7)));

        limited.getDecision().setAnchorPenalty(AnchorPenalty.newBuilder().setLevel(PenaltyLevel.BAN).build());
        assertThat(results.tell(limited).notices().get(0).values().get("penalty")).isEqualTo(new Fragment("penalty.BAN", java.util.Map.of()));
        limited.getDecision().setAnchorPenalty(null); // decided before penalties had levels
        assertThat(results.tell(limited).notices().get(0).values().get("penalty"))
                .isEqualTo(new Fragment(Message.PENALTY_UNSPECIFIED, java.util.Map.of()));
        ComplaintOutcome apology = Events.outcome("C-13", "U-1", "zh-CN", ComplaintType.ANCHOR_CONDUCT, Remedy.APOLOGY, 0, "主播已道歉", null);
        assertThat(results.tell(apology).notices().get(0).values()).doesNotContainKey("penalty");
    }

    @Test
    void aShortReasonIsAcceptedWhenItNamesTheRuleItRestsOn() {
        ComplaintOutcome withRule = Events.outcome("C-10", "U-1", "zh-CN", ComplaintType.AFTER_SALES_POLICY, Remedy.REJECT, 0,
                "不符合条件", "R-7DAY-2");
        assertThat(results.tell(withRule).notices().get(0).values().get("basis"))
                .isEqualTo(new Fragment(Message.BASIS, java.util.Map.of("reason", "", "rule", "R-7DAY-2")));

        ComplaintOutcome reasoned = Events.outcome("C-11", "U-1", "zh-CN", ComplaintType.AFTER_SALES_POLICY, Remedy.REJECT, 0,
                "商品已拆封使用超过七天，不适用七天无理由退货", null);
        assertThat(results.tell(reasoned).notices().get(0).values().get("basis"))
                .isEqualTo(new Fragment(Message.BASIS_WITHOUT_RULE, java.util.Map.of("reason", "商品已拆封使用超过七天，不适用七天无理由退货")));
    }

    @Test
    void everyMessageDeclaresItsPlaceholdersAndEveryRemedyHasAResultMessage() {
        for (Remedy remedy : Remedy.values()) {
            assertThat(Message.result(remedy).placeholders()).contains("basis", "refund", "compensation");
        }
        assertThat(Message.placeholdersByKey()).containsKeys("basis", "basis.no-rule", "basis.generic", "subject", "survey",
                "acknowledgment", "result.ADVICE", "penalty.WARNING", "penalty.TRAFFIC_LIMIT", "penalty.SUSPENSION", "penalty.BAN");
        assertThat(Message.result(Remedy.ANCHOR_PENALTY).placeholders()).contains("penalty");
    }
}

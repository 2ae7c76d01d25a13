package io.livecomplaints.triage.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.Demand;
import io.livecomplaints.events.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraderTest {

    private final Grader grader = new Grader(new BaselineSeverity(Set.of(ComplaintType.LOGISTICS, ComplaintType.SERVICE)), List.of(
            new FundsSafetyRule(40),
            new AmountRule(50_000, 15, 20_000, 5),
            new PublicOpinionChannelRule(Set.of(Channel.REGULATOR, Channel.SOCIAL_MEDIA), 20),
            new CueRule("counterfeit accusation", List.of("假货", "counterfeit"), Severity.HIGH, 10),
            new CueRule("professional complainant claim", List.of("退一赔三"), Severity.HIGH, 5),
            new StrongEmotionRule(10),
            new RepeatComplaintRule(10),
            new VipRule(10),
            new LowTrustRule(3, 0.5, -15)),
            new PriorityScale(Map.of(Severity.LOW, 20, Severity.MEDIUM, 40, Severity.HIGH, 60), 90));

    private static GradingFacts facts(ComplaintType type, Channel channel, String text, List<Demand> demands, Long amount) {
        return new GradingFacts(type, List.of(), channel, text, demands, amount, false, false, EmotionReading.calm(), null);
    }

    private static GradingFacts plain(ComplaintType type) {
        return facts(type, Channel.APP_CHAT, "text", List.of(Demand.REFUND), null);
    }

    @Test
    void anInquiryWithoutDemandOrMoneyIsLow() {
        Grade grade = grader.grade(facts(ComplaintType.LOGISTICS, Channel.APP_CHAT, "我的快递到哪了", List.of(), null));
        assertThat(grade.severity()).isEqualTo(Severity.LOW);
        assertThat(grade.priority()).isEqualTo(20);
        assertThat(grade.reasons()).first().isEqualTo("baseline LOW (inquiry)");
    }

    @Test
    void aRefundDemandMakesEvenALogisticsComplaintMedium() {
        assertThat(grader.grade(plain(ComplaintType.LOGISTICS)).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void fundsSafetyIsHighAndAboveEveryOtherComplaintHoweverManyRaisesThoseCollect() {
        Grade funds = grader.grade(plain(ComplaintType.FUNDS_SAFETY));
        GradingFacts everything = new GradingFacts(ComplaintType.PRODUCT_QUALITY, List.of(), Channel.REGULATOR, "假货 退一赔三",
                List.of(Demand.REFUND), 900_000L, true, true, new EmotionReading(3, List.of("气死"), true), null);
        Grade loud = grader.grade(everything);

        assertThat(funds.severity()).isEqualTo(Severity.HIGH);
        assertThat(funds.priority()).isEqualTo(100);
        assertThat(loud.severity()).isEqualTo(Severity.HIGH);
        assertThat(loud.priority()).isEqualTo(89);
        assertThat(loud.reasons()).contains("counterfeit accusation (假货) +10 (at least HIGH)", "VIP user +10",
                "repeat complaint on the same order +10 (at least MEDIUM)");
    }

    @Test
    void aSecondaryFundsSafetyTypeCountsToo() {
        GradingFacts facts = new GradingFacts(ComplaintType.PRICE, List.of(ComplaintType.FUNDS_SAFETY), Channel.APP_CHAT, "",
                List.of(), null, false, false, null, null);
        assertThat(grader.grade(facts).priority()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void amountsRaiseByThreshold() {
        assertThat(grader.grade(facts(ComplaintType.PRICE, Channel.APP_CHAT, "", List.of(), 49_999L)).severity()).isEqualTo(Severity.MEDIUM);
        Grade high = grader.grade(facts(ComplaintType.PRICE, Channel.APP_CHAT, "", List.of(), 50_000L));
        assertThat(high.severity()).isEqualTo(Severity.HIGH);
        assertThat(high.reasons()).contains("high amount ¥500.00 ≥ ¥500.00 +15 (at least HIGH)");
        Grade notable = grader.grade(facts(ComplaintType.LOGISTICS, Channel.APP_CHAT, "", List.of(), 25_000L));
        assertThat(notable.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(notable.priority()).isEqualTo(45);
    }

    @Test
    void socialMediaAndRegulatorChannelsAreHigh() {
        assertThat(grader.grade(facts(ComplaintType.SERVICE, Channel.SOCIAL_MEDIA, "", List.of(), null)).severity()).isEqualTo(Severity.HIGH);
        assertThat(grader.grade(facts(ComplaintType.SERVICE, Channel.REGULATOR, "", List.of(), null)).priority()).isEqualTo(80);
        assertThat(grader.grade(facts(ComplaintType.SERVICE, Channel.HOTLINE, "", List.of(), null)).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void lowTrustLowersPriorityButNeverDropsTheComplaint() {
        GradingFacts distrusted = new GradingFacts(ComplaintType.PRICE, List.of(), Channel.APP_CHAT, "", List.of(Demand.REFUND), null,
                false, false, null, new UserCredit(2, 6));
        GradingFacts fewRejections = new GradingFacts(ComplaintType.PRICE, List.of(), Channel.APP_CHAT, "", List.of(Demand.REFUND), null,
                false, false, null, new UserCredit(10, 3));
        Grade grade = grader.grade(distrusted);
        assertThat(grade.priority()).isEqualTo(25);
        assertThat(grade.reasons()).contains("low-trust user (6 of 8 complaints rejected) -15");
        assertThat(grader.grade(fewRejections).priority()).isEqualTo(40);
    }

    @Test
    void priorityNeverLeavesZeroToHundred() {
        Grader harsh = new Grader(new BaselineSeverity(Set.of()), List.of(new LowTrustRule(1, 0.1, -500)),
                new PriorityScale(Map.of(Severity.MEDIUM, 40), 90));
        assertThat(harsh.grade(new GradingFacts(ComplaintType.PRICE, List.of(), Channel.APP_CHAT, "", List.of(), null, false, false,
                null, new UserCredit(0, 5))).priority()).isZero();
    }
}

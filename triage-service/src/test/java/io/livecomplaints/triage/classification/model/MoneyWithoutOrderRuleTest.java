package io.livecomplaints.triage.classification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.SmartChineseSegmenter;
import io.livecomplaints.triage.classification.model.MoneyWithoutOrderRule.Cue;
import io.livecomplaints.triage.classification.model.MoneyWithoutOrderRule.CueKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 涉及资金安全最优先: money taken without a matching order is FUNDS_SAFETY even when the text is mostly about service. */
class MoneyWithoutOrderRuleTest {

    private static final MoneyWithoutOrderRule RULE = new MoneyWithoutOrderRule(List.of(
            new Cue(CueKind.REPEATED_CHARGE, "扣了两次"), new Cue(CueKind.REPEATED_CHARGE, "charged twice"),
            new Cue(CueKind.MONEY_TAKEN, "扣款"), new Cue(CueKind.MONEY_TAKEN, "扣了"), new Cue(CueKind.MONEY_TAKEN, "charged"),
            new Cue(CueKind.MONEY_TAKEN, "money taken"),
            new Cue(CueKind.NO_ORDER, "订单没生成"), new Cue(CueKind.NO_ORDER, "没下单"), new Cue(CueKind.NO_ORDER, "no order")));

    // a service-heavy training set: the learned evidence alone calls these texts SERVICE
    private static final List<LabeledComplaint> EXAMPLES = List.of(
            new LabeledComplaint("客服一直不回复消息，客服态度差", ComplaintType.SERVICE),
            new LabeledComplaint("客服不理人，打客服电话没人接", ComplaintType.SERVICE),
            new LabeledComplaint("The support agent was rude and never replied", ComplaintType.SERVICE),
            new LabeledComplaint("银行卡被盗刷", ComplaintType.FUNDS_SAFETY),
            new LabeledComplaint("快递丢件了", ComplaintType.LOGISTICS));
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(new SmartChineseSegmenter(), Set.of("the", "了"));

    private static ComplaintClassifier classifier(MoneyWithoutOrderRule rule) {
        return ComplaintClassifier.train(EXAMPLES, List.of(new LexiconEntry(ComplaintType.SERVICE, 3.0, "客服")), rule, EXTRACTOR,
                ClassifierSettings.defaults(), "test-v1");
    }

    @Test
    void aRepeatedChargeAloneFires() {
        assertThat(RULE.find("同一个订单扣了两次")).get().extracting(MoneyWithoutOrderRule.Finding::cues).isEqualTo(List.of("扣了两次"));
        assertThat(RULE.find("I was CHARGED TWICE")).isPresent();
    }

    @Test
    void moneyTakenFiresOnlyWithNoMatchingOrderInEitherOrder() {
        assertThat(RULE.find("钱扣了订单没生成")).get().extracting(MoneyWithoutOrderRule.Finding::signal).isEqualTo("rule:funds-safety(扣了+订单没生成)");
        assertThat(RULE.find("我没下单却扣款了")).isPresent();
        assertThat(RULE.find("Money taken but no order")).isPresent();
        assertThat(RULE.find("运费扣了十块，和直播间说的包邮不一样")).isEmpty();
        assertThat(RULE.find("没下单就收到了推销短信")).isEmpty();
        assertThat(RULE.find("I was charged 20 yuan more than the price in the stream")).isEmpty();
    }

    @Test
    void englishCuesMatchWholeWordsOnly() {
        assertThat(RULE.find("the surcharged price shows no order discount")).isEmpty();
    }

    @Test
    void theRuleWinsOverServiceWhichBecomesSecondary() {
        String text = "钱扣了订单没生成，客服也不理人，客服态度太差";
        assertThat(classifier(MoneyWithoutOrderRule.none()).classify(text).primaryType()).isEqualTo(ComplaintType.SERVICE);

        ClassificationResult result = classifier(RULE).classify(text);
        assertThat(result.primaryType()).isEqualTo(ComplaintType.FUNDS_SAFETY);
        assertThat(result.secondaryTypes()).first().isEqualTo(ComplaintType.SERVICE);
        assertThat(result.signals()).startsWith("rule:funds-safety(扣了+订单没生成)", "rule:funds-safety-over→SERVICE");
        assertThat(result.confidence()).isEqualTo(1.0);
    }

    @Test
    void englishServiceComplaintWithADoubleChargeIsFundsSafety() {
        ClassificationResult result = classifier(RULE).classify("I was charged twice and the support agent was rude and never replied");
        assertThat(result.primaryType()).isEqualTo(ComplaintType.FUNDS_SAFETY);
        assertThat(result.secondaryTypes()).contains(ComplaintType.SERVICE);
    }

    @Test
    void aComplaintWithoutTheCuesIsClassifiedAsBefore() {
        String text = "客服一直不回复消息";
        assertThat(classifier(RULE).classify(text)).isEqualTo(classifier(MoneyWithoutOrderRule.none()).classify(text));
    }
}

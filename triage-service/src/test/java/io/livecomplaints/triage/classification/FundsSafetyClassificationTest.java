package io.livecomplaints.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.model.ClassificationResult;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.MoneyWithoutOrderRule;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped classifier data and funds-safety cues: funds complaints mixed with service complaints, and no false alarm on other labels. */
class FundsSafetyClassificationTest {

    private static ComplaintClassifier classifier;
    private static MoneyWithoutOrderRule rule;

    @BeforeAll
    static void load() {
        ClassifierData data = ClassifierData.load("classpath:classifier/");
        classifier = data.classifier(new SmartChineseSegmenter(), ClassifierSettings.defaults());
        rule = new MoneyWithoutOrderRule(data.fundsSafety());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "钱扣了订单没生成，客服也不理人",
            "扣了两次钱，联系客服三天了没人回复",
            "没下单却扣款，客服态度极差还挂我电话",
            "付款成功了可是订单没有生成，在线客服一直是机器人回复",
            "I was charged twice and customer service never replied",
            "Money taken but no order, and the support agent hung up on me",
            "The payment failed but I was charged anyway and nobody in support answers"})
    void moneyWithoutAMatchingOrderIsFundsSafetyEvenWhenServiceIsBad(String text) {
        ClassificationResult result = classifier.classify(text);
        assertThat(result.primaryType()).as(text).isEqualTo(ComplaintType.FUNDS_SAFETY);
        assertThat(result.signals()).as(text).first().asString().startsWith("rule:funds-safety(");
    }

    @Test
    void theRuleNeverFiresOnLabelledComplaintsOfOtherTypes() {
        List<LabeledComplaint> labelled = new ArrayList<>(ClassifierData.load("classpath:classifier/").examples());
        labelled.addAll(ClassifierData.parseLabeled(ClassifierData.read("classpath:classifier/", "heldout.jsonl"), "heldout.jsonl"));
        List<String> falseAlarms = labelled.stream().filter(e -> e.type() != ComplaintType.FUNDS_SAFETY)
                .filter(e -> rule.find(e.text()).isPresent()).map(LabeledComplaint::text).toList();
        assertThat(falseAlarms).isEmpty();
    }
}

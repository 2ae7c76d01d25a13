package io.livecomplaints.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.model.ClassifierEvaluation;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped classifier on the held-out split (src/test/resources/classifier/heldout.jsonl): complaints written
 * apart from the training data and never trained on. Prints accuracy and per-type precision/recall.
 */
class HeldOutAccuracyTest {

    private static ClassifierHolder holder;
    private static List<LabeledComplaint> heldOut;

    @BeforeAll
    static void load() {
        holder = new ClassifierHolder("classpath:classifier/", new SmartChineseSegmenter(), ClassifierSettings.defaults(), Clock.systemUTC());
        heldOut = ClassifierData.parseLabeled(ClassifierData.read("classpath:classifier/", "heldout.jsonl"), "heldout.jsonl");
    }

    @Test
    void heldOutSplitIsLargeBalancedBilingualAndDisjointFromTraining() {
        ClassifierData training = ClassifierData.load("classpath:classifier/");
        assertThat(training.examples().size() + heldOut.size()).isGreaterThanOrEqualTo(300);
        assertThat(heldOut.stream().map(LabeledComplaint::type).collect(Collectors.toSet())).containsExactlyInAnyOrder(ComplaintType.values());
        for (ComplaintType type : ComplaintType.values()) {
            List<LabeledComplaint> ofType = heldOut.stream().filter(e -> e.type() == type).toList();
            assertThat(ofType).as(type + " examples").hasSizeGreaterThanOrEqualTo(10);
            assertThat(ofType).as(type + " in English").anyMatch(e -> e.text().chars().noneMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        }
        Set<String> trained = training.examples().stream().map(LabeledComplaint::text).collect(Collectors.toSet());
        assertThat(heldOut).noneMatch(e -> trained.contains(e.text()));
    }

    @Test
    void topOneAccuracyOnTheHeldOutSplitIsAtLeastNinetyPercent() {
        ClassifierEvaluation evaluation = ClassifierEvaluation.evaluate(holder.classifier(), heldOut);
        System.out.println("classifier " + holder.classifier().version() + " on " + heldOut.size() + " held-out complaints");
        System.out.print(evaluation.report());

        assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyFundsSafetyComplaintOfTheHeldOutSplitIsFound() {
        ClassifierEvaluation evaluation = ClassifierEvaluation.evaluate(holder.classifier(), heldOut);
        // 资金安全最优先: money taken without a matching order, also when the text mostly blames customer service
        assertThat(evaluation.perType().get(ComplaintType.FUNDS_SAFETY).support()).isGreaterThanOrEqualTo(30);
        assertThat(evaluation.misses()).filteredOn(m -> m.expected() == ComplaintType.FUNDS_SAFETY).isEmpty();
        assertThat(evaluation.perType().get(ComplaintType.FUNDS_SAFETY).recall()).isEqualTo(1.0);
    }
}

package io.livecomplaints.triage.classification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.triage.classification.SmartChineseSegmenter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplaintClassifierTest {

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(new SmartChineseSegmenter(), Set.of("the", "了"));
    private static final List<LabeledComplaint> EXAMPLES = List.of(
            new LabeledComplaint("快递丢件了，物流一直不更新", ComplaintType.LOGISTICS),
            new LabeledComplaint("包裹三天没有物流信息", ComplaintType.LOGISTICS),
            new LabeledComplaint("My parcel is stuck in transit", ComplaintType.LOGISTICS),
            new LabeledComplaint("同一笔订单扣了两次钱", ComplaintType.FUNDS_SAFETY),
            new LabeledComplaint("I was charged twice for one order", ComplaintType.FUNDS_SAFETY),
            new LabeledComplaint("客服一直不回复消息", ComplaintType.SERVICE));

    private static ComplaintClassifier classifier(List<LexiconEntry> lexicon) {
        return ComplaintClassifier.train(EXAMPLES, lexicon, MoneyWithoutOrderRule.none(), EXTRACTOR, ClassifierSettings.defaults(), "test-v1");
    }

    @Test
    void segmentsChineseIntoWordsAndCharacterBigramsAndEnglishIntoStemsAndWordPairs() {
        List<String> zh = EXTRACTOR.features("快递丢件了");
        assertThat(zh).contains("w:快递", "c:快递", "c:递丢", "c:丢件").doesNotContain("w:了");
        List<String> en = EXTRACTOR.features("The parcels were charged twice");
        assertThat(en).contains("w:parcel", "w:charg", "b:charg twice").doesNotContain("w:the");
    }

    @Test
    void learnsTypesFromExamplesInBothLanguagesAndExplainsWhy() {
        ClassificationResult zh = classifier(List.of()).classify("物流信息一直不更新，快递是不是丢了");
        ClassificationResult en = classifier(List.of()).classify("The parcel has been stuck for a week");
        assertThat(zh.primaryType()).isEqualTo(ComplaintType.LOGISTICS);
        assertThat(zh.language()).isEqualTo("zh-CN");
        assertThat(zh.signals()).contains("word:物流");
        assertThat(zh.modelVersion()).isEqualTo("test-v1");
        assertThat(en.primaryType()).isEqualTo(ComplaintType.LOGISTICS);
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void curatedTermsDecideWhereTheExamplesSayNothingAndAreSignals() {
        ComplaintClassifier withLexicon = classifier(List.of(new LexiconEntry(ComplaintType.STREAM_QUALITY, 3.0, "卡顿")));
        ClassificationResult result = withLexicon.classify("直播卡顿");
        assertThat(result.primaryType()).isEqualTo(ComplaintType.STREAM_QUALITY);
        assertThat(result.signals()).first().isEqualTo("lexicon:卡顿");
    }

    @Test
    void aStrongTermOfAnotherTypeMakesItSecondary() {
        ComplaintClassifier withLexicon = ComplaintClassifier.train(EXAMPLES, List.of(new LexiconEntry(ComplaintType.SERVICE, 3.0, "客服")), MoneyWithoutOrderRule.none(),
                EXTRACTOR, new ClassifierSettings(1.0, 1.0, 0.25, 2.5, 2, 6, ComplaintType.SERVICE), "test-v1");
        ClassificationResult result = withLexicon.classify("快递丢件了，物流一直不更新，包裹三天没有物流信息，客服也不管");
        assertThat(result.primaryType()).isEqualTo(ComplaintType.LOGISTICS);
        assertThat(result.secondaryTypes()).contains(ComplaintType.SERVICE);
        assertThat(result.signals()).contains("lexicon:客服→SERVICE");
    }

    @Test
    void howManyExamplesATypeHasDoesNotWeighOnTheDecision() {
        NaiveBayesModel model = NaiveBayesModel.train(EXAMPLES, EXTRACTOR, 1.0); // 3 LOGISTICS, 2 FUNDS_SAFETY, 1 SERVICE
        assertThat(model.logScores(List.of()).values()).containsOnly(-Math.log(ComplaintType.values().length));
    }

    @Test
    void textWithoutAnyKnownWordFallsBackWithARule() {
        ClassificationResult result = classifier(List.of()).classify("zzz qqq");
        assertThat(result.primaryType()).isEqualTo(ComplaintType.SERVICE);
        assertThat(result.confidence()).isZero();
        assertThat(result.signals()).containsExactly("rule:no-known-terms→SERVICE");
    }

    @Test
    void latinLexiconTermsMatchWholeWordsOnlyAndTheLongestWins() {
        Lexicon lexicon = new Lexicon(List.of(new LexiconEntry(ComplaintType.PRICE, 1, "price"),
                new LexiconEntry(ComplaintType.FUNDS_SAFETY, 2, "扣了两次"), new LexiconEntry(ComplaintType.FUNDS_SAFETY, 1, "扣了")));
        assertThat(lexicon.find("Prices went up")).isEmpty();
        assertThat(lexicon.find("The PRICE went up")).extracting(h -> h.entry().term()).containsExactly("price");
        assertThat(lexicon.find("被扣了两次")).extracting(h -> h.entry().term()).containsExactly("扣了两次");
    }

    @Test
    void languageIsChineseWhenHanCharactersCarryTheText() {
        assertThat(Languages.detect("iPhone充电头坏了")).isEqualTo("zh-CN");
        assertThat(Languages.detect("The 快递 was late and nobody answered my messages")).isEqualTo("en");
    }
}

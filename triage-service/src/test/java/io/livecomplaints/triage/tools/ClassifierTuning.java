package io.livecomplaints.triage.tools;

import io.livecomplaints.triage.classification.ClassifierData;
import io.livecomplaints.triage.classification.SmartChineseSegmenter;
import io.livecomplaints.triage.classification.model.ClassifierEvaluation;
import io.livecomplaints.triage.classification.model.ClassifierSettings;
import io.livecomplaints.triage.classification.model.ComplaintClassifier;
import io.livecomplaints.triage.classification.model.FeatureExtractor;
import io.livecomplaints.triage.classification.model.MoneyWithoutOrderRule;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Chooses the classifier's smoothing and lexicon weight by k-fold cross-validation on the TRAINING data only (the
 * held-out split is never looked at), and prints the mean accuracy of each setting. Run with
 * {@code mvn -q -pl triage-service -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.livecomplaints.triage.tools.ClassifierTuning [-Dexec.args=DIR]}.
 */
public final class ClassifierTuning {

    public static void main(String[] args) {
        String location = args.length > 0 ? args[0] : "classpath:classifier/";
        ClassifierData data = ClassifierData.load(location);
        FeatureExtractor extractor = new FeatureExtractor(new SmartChineseSegmenter(), data.stopWords());
        List<LabeledComplaint> shuffled = new ArrayList<>(data.examples());
        Collections.shuffle(shuffled, new Random(42));
        int folds = 5;
        ClassifierSettings defaults = ClassifierSettings.defaults();
        for (double smoothing : new double[] {0.25, 0.5, 1.0, 2.0}) {
            for (double lexiconWeight : new double[] {0.0, 1.0, 2.0, 3.0, 4.0, 6.0}) {
                ClassifierSettings settings = new ClassifierSettings(smoothing, lexiconWeight, defaults.secondaryMinProbability(),
                        defaults.secondaryLexiconWeight(), defaults.maxSecondaryTypes(), defaults.maxSignals(), defaults.fallbackType());
                int correct = 0;
                for (int fold = 0; fold < folds; fold++) {
                    List<LabeledComplaint> train = new ArrayList<>();
                    List<LabeledComplaint> test = new ArrayList<>();
                    for (int i = 0; i < shuffled.size(); i++) {
                        (i % folds == fold ? test : train).add(shuffled.get(i));
                    }
                    ComplaintClassifier classifier = ComplaintClassifier.train(train, data.lexicon(), new MoneyWithoutOrderRule(data.fundsSafety()), extractor, settings, "cv");
                    correct += ClassifierEvaluation.evaluate(classifier, test).correct();
                }
                System.out.printf(Locale.ROOT, "smoothing %.2f  lexicon-weight %.1f  %d-fold accuracy %.3f%n", smoothing, lexiconWeight,
                        folds, (double) correct / shuffled.size());
            }
        }
    }
}

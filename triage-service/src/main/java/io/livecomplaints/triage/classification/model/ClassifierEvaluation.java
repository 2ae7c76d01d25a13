package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Top-1 accuracy, per-type precision and recall, and the misclassified examples of a classifier on labeled data. */
public record ClassifierEvaluation(int total, int correct, Map<ComplaintType, TypeScore> perType, List<Miss> misses) {

    /** Counts for one type: how many examples had it, how many were predicted as it, how many of those were right. */
    public record TypeScore(int support, int predicted, int truePositives) {

        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return support == 0 ? 0 : (double) truePositives / support;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** An example whose predicted primary type was not its label. */
    public record Miss(String text, ComplaintType expected, ComplaintType predicted, List<String> signals) {
    }

    public static ClassifierEvaluation evaluate(ComplaintClassifier classifier, List<LabeledComplaint> examples) {
        Map<ComplaintType, int[]> counts = new EnumMap<>(ComplaintType.class);
        for (ComplaintType type : ComplaintType.values()) {
            counts.put(type, new int[3]);
        }
        List<Miss> misses = new ArrayList<>();
        int correct = 0;
        for (LabeledComplaint example : examples) {
            ClassificationResult result = classifier.classify(example.text());
            counts.get(example.type())[0]++;
            counts.get(result.primaryType())[1]++;
            if (result.primaryType() == example.type()) {
                counts.get(example.type())[2]++;
                correct++;
            } else {
                misses.add(new Miss(example.text(), example.type(), result.primaryType(), result.signals()));
            }
        }
        Map<ComplaintType, TypeScore> perType = new EnumMap<>(ComplaintType.class);
        counts.forEach((type, c) -> perType.put(type, new TypeScore(c[0], c[1], c[2])));
        return new ClassifierEvaluation(examples.size(), correct, perType, List.copyOf(misses));
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** A plain-text table: accuracy, then precision / recall / F1 / support per type, then the misses. */
    public String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "top-1 accuracy %.3f (%d of %d)%n", accuracy(), correct, total));
        out.append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %8s%n", "type", "precision", "recall", "f1", "support"));
        perType.forEach((type, s) -> out.append(String.format(Locale.ROOT, "%-20s %9.3f %9.3f %9.3f %8d%n",
                type, s.precision(), s.recall(), s.f1(), s.support())));
        for (Miss miss : misses) {
            out.append(String.format(Locale.ROOT, "miss: %s → %s (expected %s) %s%n", miss.text(), miss.predicted(), miss.expected(), miss.signals()));
        }
        return out.toString();
    }
}

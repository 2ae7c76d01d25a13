package io.livecomplaints.triage.classification.model;

import io.livecomplaints.events.ComplaintType;
import java.util.List;
import java.util.Optional;

/**
 * 涉及资金安全最优先: a complaint that money left the user's account without a matching order is FUNDS_SAFETY,
 * whatever else it complains about (slow customer service, the product...). It fires on a repeated charge
 * (扣了两次, charged twice) or on money taken (扣款, 付款成功, charged, debited) together with no order to match it
 * (订单没生成, 没下单, 支付失败, no order, never placed) anywhere in the text. The cues are data
 * ({@code funds-safety.tsv}), matched like the lexicon: Chinese anywhere, English as whole words.
 */
public final class MoneyWithoutOrderRule {

    /** Which part of the rule a cue is. */
    public enum CueKind {
        /** alone enough: the same payment taken more than once */
        REPEATED_CHARGE,
        /** money left the account */
        MONEY_TAKEN,
        /** no order matches the payment */
        NO_ORDER
    }

    /** One cue of the rule. */
    public record Cue(CueKind kind, String term) {
        public Cue {
            term = TextNormalizer.normalize(term);
        }
    }

    /** Why the rule fired: the cues found, as signals. */
    public record Finding(List<String> cues) {
        public String signal() {
            return "rule:funds-safety(" + String.join("+", cues) + ")";
        }
    }

    private final Lexicon repeated;
    private final Lexicon taken;
    private final Lexicon noOrder;

    public MoneyWithoutOrderRule(List<Cue> cues) {
        this.repeated = lexiconOf(cues, CueKind.REPEATED_CHARGE);
        this.taken = lexiconOf(cues, CueKind.MONEY_TAKEN);
        this.noOrder = lexiconOf(cues, CueKind.NO_ORDER);
    }

    /** A rule with no cues never fires. */
    public static MoneyWithoutOrderRule none() {
        return new MoneyWithoutOrderRule(List.of());
    }

    public int size() {
        return repeated.size() + taken.size() + noOrder.size();
    }

    public Optional<Finding> find(String text) {
        return findInNormalized(TextNormalizer.normalize(text));
    }

    /** The finding in text already put through {@link TextNormalizer#normalize} (a classifier normalizes once). */
    public Optional<Finding> findInNormalized(String normalized) {
        List<Lexicon.Hit> repeatedHits = repeated.findInNormalized(normalized);
        if (!repeatedHits.isEmpty()) {
            return Optional.of(new Finding(List.of(repeatedHits.get(0).entry().term())));
        }
        List<Lexicon.Hit> takenHits = taken.findInNormalized(normalized);
        List<Lexicon.Hit> noOrderHits = takenHits.isEmpty() ? List.of() : noOrder.findInNormalized(normalized);
        if (noOrderHits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(List.of(takenHits.get(0).entry().term(), noOrderHits.get(0).entry().term())));
    }

    private static Lexicon lexiconOf(List<Cue> cues, CueKind kind) {
        // the lexicon's matching (whole English words, longest first); the type and weight are not used here
        return new Lexicon(cues.stream().filter(c -> c.kind() == kind)
                .map(c -> new LexiconEntry(ComplaintType.FUNDS_SAFETY, 1.0, c.term())).toList());
    }
}

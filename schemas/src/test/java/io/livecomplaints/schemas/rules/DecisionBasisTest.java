package io.livecomplaints.schemas.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The basis rule (处理依据) shared by resolution (refuses) and notification (phrases). */
class DecisionBasisTest {

    private final DecisionBasis basis = DecisionBasis.defaults();

    private static RemedyDecision reject(String reason, String rule) {
        return RemedyDecision.newBuilder().setRemedy(Remedy.REJECT).setReason(reason).setRuleId(rule).build();
    }

    @Test
    void aReasonThatSaysNothingIsBareWhateverItsPunctuationOrCase() {
        assertThat(basis.isBare("不符合条件")).isTrue();
        assertThat(basis.isBare(" 不符合条件。")).isTrue();
        assertThat(basis.isBare("Not eligible!")).isTrue();
        assertThat(basis.isBare("  ")).isTrue();
        assertThat(basis.isBare(null)).isTrue();
        assertThat(basis.isBare("商品已拆封使用超过七天，不适用七天无理由退货")).isFalse();
    }

    @Test
    void aBareReasonNeedsTheRuleIdAndTheProblemsNameBothFields() {
        assertThat(basis.hasBasis(reject("不符合条件", null))).isFalse();
        assertThat(basis.hasBasis(reject("不符合条件", " "))).isFalse();
        assertThat(basis.hasBasis(reject("不符合条件", "R-7DAY-2"))).isTrue();
        assertThat(basis.hasBasis(reject("商品已拆封使用超过七天", null))).isTrue();
        assertThat(basis.problems("不符合条件", null)).containsOnlyKeys("reason", "ruleId");
        assertThat(basis.problems("", "R-1")).containsOnlyKeys("reason"); // the user is always told something in words
        assertThat(basis.problems("不符合条件", "R-1")).isEmpty();
    }

    @Test
    void thePhrasesAreConfigurable() {
        DecisionBasis custom = new DecisionBasis(List.of("不予受理"));
        assertThat(custom.isBare("不予受理")).isTrue();
        assertThat(custom.isBare("不符合条件")).isFalse();
    }
}

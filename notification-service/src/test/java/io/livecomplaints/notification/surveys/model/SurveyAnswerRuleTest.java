package io.livecomplaints.notification.surveys.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurveyAnswerRuleTest {

    private final SurveyAnswerRule rule = new SurveyAnswerRule(2, 10);

    @Test
    void anUnhappyAnswerMayReopenAHappyOneMayNot() {
        assertThat(rule.check(1, "没解决", true)).isEmpty();
        assertThat(rule.check(2, null, true)).isEmpty();
        assertThat(rule.check(4, null, true)).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("reopenRequested"));
        assertThat(rule.check(5, "很好", false)).isEmpty();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThat(rule.check(null, null, false)).extracting(SurveyAnswerRule.Problem::field).containsExactly("score");
        assertThat(rule.check(6, "一二三四五六七八九十十一", false)).extracting(SurveyAnswerRule.Problem::field)
                .containsExactly("score", "comment");
        assertThat(rule.check(0, null, false)).extracting(SurveyAnswerRule.Problem::message)
                .containsExactly("must be between 1 and 5");
    }
}

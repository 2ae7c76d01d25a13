package io.livecomplaints.notification.surveys;

import io.livecomplaints.notification.surveys.model.SurveyAnswerRule;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    @Bean
    SurveyAnswerRule surveyAnswerRule(SurveyProperties properties) {
        return new SurveyAnswerRule(properties.unhappyAtMost(), properties.maxCommentLength());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

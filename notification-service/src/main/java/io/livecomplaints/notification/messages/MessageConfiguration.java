package io.livecomplaints.notification.messages;

import io.livecomplaints.notification.messages.model.ResultBasis;
import io.livecomplaints.notification.messages.model.ResultRule;
import io.livecomplaints.schemas.rules.DecisionBasis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    @Bean
    ResultRule resultRule(MessageProperties properties, DecisionBasis basis) {
        return new ResultRule(new ResultBasis(basis), properties.surveyDelay());
    }
}

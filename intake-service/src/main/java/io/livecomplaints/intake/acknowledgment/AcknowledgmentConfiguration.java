package io.livecomplaints.intake.acknowledgment;

import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
import io.livecomplaints.intake.submission.model.Reception;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcknowledgmentConfiguration {

    @Bean
    FirstResponsePolicy firstResponsePolicy(FirstResponseSlaProperties properties) {
        return properties.policy();
    }

    @Bean
    Reception reception(FirstResponsePolicy firstResponse) {
        return new Reception(firstResponse);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.livecomplaints.intake.acknowledgment;

import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
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
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

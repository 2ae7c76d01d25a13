package io.livecomplaints.intake.validation;

import io.livecomplaints.intake.validation.model.ComplaintValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ComplaintValidator complaintValidator(ValidationProperties properties) {
        return new ComplaintValidator(properties.limits());
    }
}

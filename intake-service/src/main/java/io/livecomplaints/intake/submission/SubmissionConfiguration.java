package io.livecomplaints.intake.submission;

import io.livecomplaints.intake.acknowledgment.model.FirstResponsePolicy;
import io.livecomplaints.intake.submission.model.Reception;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Receiving a complaint (API and complaint-submissions alike) promises the acknowledgment policy's first response. */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

    @Bean
    Reception reception(FirstResponsePolicy firstResponse) {
        return new Reception(firstResponse);
    }
}

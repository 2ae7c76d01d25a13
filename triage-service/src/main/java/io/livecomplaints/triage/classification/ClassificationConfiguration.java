package io.livecomplaints.triage.classification;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classifier, trained at startup from the configured data and reloadable through the API. */
@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

    @Bean
    ClassifierHolder classifierHolder(ClassifierProperties properties, Clock clock) {
        return new ClassifierHolder(properties.location(), new SmartChineseSegmenter(), properties.settings(), clock);
    }
}

package io.livecomplaints.triage.classification;

import io.livecomplaints.schemas.topics.Topics;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classifier, trained at startup from the configured data and reloadable through the API. */
@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

    @Bean
    ClassifierHolder classifierHolder(ClassifierProperties properties, Clock clock, KafkaProperties kafka, Topics topics) {
        var corrections = properties.learnFromCorrections()
                ? new CorrectionExamples(kafka.buildConsumerProperties(), topics.complaintCases, properties.correctionsTimeout())
                : null;
        return corrections == null ? new ClassifierHolder(properties.location(), new SmartChineseSegmenter(), properties.settings(), clock)
                : new ClassifierHolder(properties.location(), new SmartChineseSegmenter(), properties.settings(), clock, corrections);
    }
}

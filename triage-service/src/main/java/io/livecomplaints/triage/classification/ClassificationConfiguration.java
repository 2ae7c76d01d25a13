package io.livecomplaints.triage.classification;

import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.kafka.publish.DurablePublisher;
import io.livecomplaints.triage.classification.model.LabeledComplaint;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The classifier, trained at startup from the configured data and agents' corrections, reloadable through the API on
 * every instance at once ({@link ClassifierReloads}).
 */
@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

    @Bean
    ClassifierHolder classifierHolder(ClassifierProperties properties, Clock clock, KafkaProperties kafka, Topics topics) {
        Supplier<List<LabeledComplaint>> corrections = properties.learnFromCorrections()
                ? new CorrectionExamples(kafka.buildConsumerProperties(), topics.complaintCases, properties.correctionsTimeout())
                : List::of;
        return new ClassifierHolder(properties.location(), new SmartChineseSegmenter(), properties.settings(), clock, corrections);
    }

    @Bean
    ClassifierReloads classifierReloads(ClassifierHolder holder, DurablePublisher publisher, Topics topics, KafkaProperties kafka, Clock clock) {
        return new ClassifierReloads(holder, publisher, topics.triageControl, kafka.buildConsumerProperties(), clock);
    }
}

package io.livecomplaints.support.kafka.publish;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;

/** The {@code durablePublisher} bean over the service's KafkaTemplate. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PublishProperties.class)
public class DurablePublishAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    @ConditionalOnMissingBean
    DurablePublisher durablePublisher(KafkaOperations<String, Object> kafka, PublishProperties properties) {
        return new DurablePublisher(kafka, properties.timeout(), properties.retryAfter());
    }
}

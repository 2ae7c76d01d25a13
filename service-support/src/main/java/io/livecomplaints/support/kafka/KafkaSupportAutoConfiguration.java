package io.livecomplaints.support.kafka;

import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.serde.SchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.deadletter.DeadLetterHeaders;
import io.livecomplaints.support.health.KafkaHealthIndicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every service gets: the registry client, the typed {@link Topics}, the topics created with their DLTs,
 * dead-lettering for listener consumers, and the Kafka-aware health indicator.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaSupportProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistryClient schemaRegistryClient(KafkaSupportProperties properties) {
        var ssl = properties.schemaRegistry().ssl();
        String userInfo = properties.schemaRegistry().basicAuthUserInfo();
        return new HttpSchemaRegistryClient(properties.schemaRegistry().url(), java.time.Duration.ofSeconds(10),
                userInfo == null || userInfo.isBlank() ? null : userInfo,
                ssl == null ? null : io.livecomplaints.schemas.serde.RegistryTls.of(io.livecomplaints.schemas.serde.RegistryTls.Store.of(
                        ssl.truststoreLocation(), ssl.truststorePassword(), ssl.truststoreType()), null));
    }

    @Bean
    @ConditionalOnMissingBean
    Topics topics(SchemaRegistryClient registry, KafkaSupportProperties properties) {
        return new Topics(registry, properties.schemaRegistry().autoRegister());
    }

    /** Every topic and its DLT, created if missing; compacted changelogs get cleanup.policy=compact. */
    @Bean
    @ConditionalOnProperty(name = "complaints.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics complaintTopics(Topics topics, KafkaSupportProperties properties) {
        var creation = properties.topics();
        List<NewTopic> all = new ArrayList<>();
        for (Topic<String, ?> topic : topics.all()) {
            TopicBuilder builder = TopicBuilder.name(topic.name())
                    .partitions(creation.partitions()).replicas(creation.replicationFactor());
            if (topic.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            all.add(builder.build());
            all.add(TopicBuilder.name(topic.deadLetterTopic())
                    .partitions(creation.partitions()).replicas(creation.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    /**
     * Listener consumers: a record that cannot be deserialized or processed after retries goes to
     * {@code <topic>-dlt} (partition chosen by the producer) with the reason in headers.
     */
    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> template,
                                                  @Value("${spring.application.name}") String service) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + "-dlt", -1));
        recoverer.setHeadersFunction((record, exception) ->
                DeadLetterHeaders.describe(service, "listener", record.topic(), record.partition(), record.offset(), exception));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2L));
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.kafka.streams.KafkaStreams")
    StreamsBuilderFactoryBeanConfigurer streamsLifecycle() {
        return StreamsLifecycle.configurer();
    }

    @Bean(name = "kafka")
    @ConditionalOnMissingBean(name = "kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin,
                                              ObjectProvider<StreamsBuilderFactoryBean> streams,
                                              ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                              @Value("${complaints.health.streams-readiness:true}") boolean streamsReadiness) {
        Map<String, Object> adminConfig = admin.getConfigurationProperties();
        return new KafkaHealthIndicator(adminConfig, streams, listeners, streamsReadiness);
    }
}

package io.livecomplaints.analytics.stats;

import io.livecomplaints.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Analytics' Kafka Streams application (exactly_once_v2 from the shared defaults): {@link AnalyticsTopology}. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AnalyticsStreamsConfiguration {

    @Bean
    KStream<String, Long> observations(StreamsBuilder builder, Topics topics, AnalyticsProperties properties) {
        return new AnalyticsTopology(topics, properties).build(builder);
    }
}

package io.livecomplaints.resolution.cases;

import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.config.ResolutionProperties;
import io.livecomplaints.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Builds the {@link CaseTopology} into Spring's Kafka Streams (exactly_once_v2 and DLT handlers from service-support). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CaseStreamsConfiguration {

    /** The processor's effects, fanned out to their topics by the topology. */
    @Bean
    KStream<String, Object> caseEffects(StreamsBuilder builder, Topics topics, CasePolicies policies, Clock clock,
                                        ResolutionProperties properties) {
        return new CaseTopology(topics, policies, clock, properties.timerInterval()).build(builder);
    }
}

package io.livecomplaints.resolution.cases;

import io.livecomplaints.resolution.cases.model.CasePolicies;
import io.livecomplaints.resolution.config.ResolutionProperties;
import io.livecomplaints.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires {@link CaseStreams} into Spring's Kafka Streams (exactly_once_v2 and DLT handlers from service-support). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CaseTopology {

    /** The topology is built into the builder; the bean only marks that it was. */
    @Bean
    CaseTopologyBuilt caseStreamsBuilt(StreamsBuilder builder, Topics topics, CasePolicies policies, Clock clock,
                                   ResolutionProperties properties) {
        CaseStreams.build(builder, topics, policies, clock, properties.timerInterval());
        return new CaseTopologyBuilt();
    }

    record CaseTopologyBuilt() {
    }
}

package io.livecomplaints.intake.pipeline;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.submission.model.Reception;
import io.livecomplaints.intake.validation.model.ComplaintValidator;
import io.livecomplaints.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Intake's Kafka Streams application: {@link IntakeTopology} on the shared StreamsBuilder. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class IntakeStreamsConfiguration {

    @Bean
    KStream<String, ComplaintReceived> submittedComplaints(StreamsBuilder builder, Topics topics, ComplaintValidator validator,
                                                           Reception reception) {
        return new IntakeTopology(topics, validator, reception).build(builder);
    }
}

package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.triage.classification.model.KeywordClassifier;
import io.livecomplaints.triage.routing.model.SeverityPolicy;
import io.livecomplaints.triage.routing.model.TeamRouting;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** complaints-received → triage → complaints-triaged, exactly once (Kafka Streams, exactly_once_v2). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TriageTopology {

    @Bean
    ComplaintTriage complaintTriage(TriageProperties properties) {
        return new ComplaintTriage(new KeywordClassifier(properties.terms()), new SeverityPolicy(properties.highAmountFen()),
                new TeamRouting(properties.teams(), properties.defaultTeam()), Clock.systemUTC());
    }

    @Bean
    KStream<String, ComplaintTriaged> triagedComplaints(StreamsBuilder builder, Topics topics, ComplaintTriage triage) {
        Topic<String, ComplaintReceived> in = topics.complaintsReceived;
        Topic<String, ComplaintTriaged> out = topics.complaintsTriaged;
        KStream<String, ComplaintTriaged> triaged = builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .mapValues(triage::triage);
        triaged.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()));
        return triaged;
    }
}

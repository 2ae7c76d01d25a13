package io.livecomplaints.resolution.cases;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.resolution.cases.model.CaseOpening;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Writers;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * complaints-triaged → a case per complaint in the {@value #CASES} store (changelogged, so a restart or a second
 * instance loses nothing) → complaint-cases. A redelivered triaged event does not open a second case.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CaseTopology {

    static final String CASES = "cases";

    @Bean
    KStream<String, ComplaintCase> cases(StreamsBuilder builder, Topics topics) {
        Topic<String, ComplaintTriaged> in = topics.complaintsTriaged;
        Topic<String, ComplaintCase> out = topics.complaintCases;
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES), Serdes.String(), out.valueSerde()));
        KStream<String, ComplaintCase> opened = builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .processValues(OpenCase::new, CASES);
        opened.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()));
        return opened;
    }

    private static final class OpenCase implements FixedKeyProcessor<String, ComplaintTriaged, ComplaintCase> {
        private FixedKeyProcessorContext<String, ComplaintCase> context;
        private KeyValueStore<String, ComplaintCase> cases;

        @Override
        public void init(FixedKeyProcessorContext<String, ComplaintCase> context) {
            this.context = context;
            this.cases = context.getStateStore(CASES);
        }

        @Override
        public void process(FixedKeyRecord<String, ComplaintTriaged> record) {
            if (cases.get(record.key()) != null) {
                return;
            }
            Instant now = Instant.ofEpochMilli(record.timestamp());
            ComplaintCase opened = CaseOpening.open(record.value(),
                    Envelopes.following(record.value().getEnvelope(), Writers.RESOLUTION, now), now);
            cases.put(record.key(), opened);
            context.forward(record.withValue(opened));
        }
    }
}

package io.livecomplaints.analytics.mix;

import io.livecomplaints.analytics.mix.model.MixDimensions;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** complaints-triaged → complaints per type, in the {@value #BY_TYPE} store (RocksDB, changelogged). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ComplaintMixTopology {

    static final String BY_TYPE = "complaints-by-type";

    @Bean
    KTable<String, Long> complaintsByType(StreamsBuilder builder, Topics topics) {
        Topic<String, ComplaintTriaged> in = topics.complaintsTriaged;
        return builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()))
                .groupBy((id, triaged) -> MixDimensions.type(triaged),
                        Grouped.with("by-type", Serdes.String(), in.valueSerde()))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(BY_TYPE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
    }
}

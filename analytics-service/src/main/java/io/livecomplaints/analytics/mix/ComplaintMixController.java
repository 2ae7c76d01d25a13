package io.livecomplaints.analytics.mix;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/stats/types}: complaints per type so far, from the local store (interactive query). */
@RestController
class ComplaintMixController {

    private final StreamsBuilderFactoryBean streams;

    ComplaintMixController(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @GetMapping("/api/v1/stats/types")
    Map<String, Long> byType() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "statistics are being restored");
        }
        ReadOnlyKeyValueStore<String, Long> store = kafkaStreams.store(
                StoreQueryParameters.fromNameAndType(ComplaintMixTopology.BY_TYPE, QueryableStoreTypes.keyValueStore()));
        Map<String, Long> counts = new TreeMap<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> counts.put(kv.key, kv.value));
        }
        return counts;
    }
}

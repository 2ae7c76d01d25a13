package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.model.Dimension;
import io.livecomplaints.analytics.stats.model.Metric;
import io.livecomplaints.analytics.stats.model.StatKey;
import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.stats.model.TallyState;
import io.livecomplaints.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Reads this instance's share of the statistics: the partitions whose tasks run here (interactive queries). */
@Component
public class LocalStats {

    private static final String AFTER_EVERY_SUFFIX = String.valueOf(Character.MAX_VALUE);

    private final StreamsBuilderFactoryBean streams;

    LocalStats(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The running Kafka Streams instance, or a 503 {@link ApiProblem} while it starts, rebalances or restores. */
    public KafkaStreams running() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw ApiProblem.unavailable(null, "statistics are being restored or rebalanced; retry shortly").retryAfter(1);
        }
        return kafkaStreams;
    }

    /** This instance's all-time tallies of every value of a breakdown (only its own partitions). */
    public Map<String, Tally> localTotals(Metric metric, Dimension dimension) {
        Map<String, Tally> out = new HashMap<>();
        for (TallyEntry entry : read(StoreSelection.total(StatKey.prefix(metric, dimension)))) {
            out.merge(StatKey.parse(entry.key()).value(), entry.tally(), Tally::merge);
        }
        return out;
    }

    List<TallyEntry> read(StoreSelection selection) {
        KafkaStreams kafkaStreams = running();
        List<TallyEntry> out = new ArrayList<>();
        try {
            if (selection.windowed()) {
                ReadOnlyWindowStore<String, TallyState> store = kafkaStreams.store(
                        StoreQueryParameters.fromNameAndType(selection.store(), QueryableStoreTypes.windowStore()));
                try (KeyValueIterator<Windowed<String>, TallyState> range = store.fetch(selection.prefix(),
                        selection.prefix() + AFTER_EVERY_SUFFIX, selection.from(), selection.to().minusMillis(1))) {
                    range.forEachRemaining(kv -> {
                        if (kv.key.key().startsWith(selection.prefix())) {
                            out.add(new TallyEntry(kv.key.key(), kv.key.window().startTime(), Tally.of(kv.value)));
                        }
                    });
                }
            } else {
                ReadOnlyKeyValueStore<String, TallyState> store = kafkaStreams.store(
                        StoreQueryParameters.fromNameAndType(selection.store(), QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<String, TallyState> range = store.range(selection.prefix(), selection.prefix() + AFTER_EVERY_SUFFIX)) {
                    range.forEachRemaining((KeyValue<String, TallyState> kv) -> {
                        if (kv.key.startsWith(selection.prefix())) {
                            out.add(new TallyEntry(kv.key, null, Tally.of(kv.value)));
                        }
                    });
                }
            }
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, null, "statistics store " + selection.store()
                    + " is migrating; retry shortly", e).retryAfter(1);
        }
        return out;
    }
}

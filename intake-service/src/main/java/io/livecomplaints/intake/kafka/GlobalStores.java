package io.livecomplaints.intake.kafka;

import io.livecomplaints.schemas.topics.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Global stores (a full copy in every instance, so any instance answers any request) fed from a topic through a
 * processor that may index a record under several keys. Kafka Streams replays the topic through the same processor
 * when it restores the store.
 */
public final class GlobalStores {

    private GlobalStores() {
    }

    /** What a store's processor does with one record of its topic. */
    @FunctionalInterface
    public interface Indexer<V> {
        void index(KeyValueStore<String, V> store, String key, V value);
    }

    public static <V> void add(StreamsBuilder builder, String storeName, Topic<String, V> source, Indexer<V> indexer) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(), SourceTopicSerde.of(source))
                        .withLoggingDisabled(),
                source.name(), Consumed.with(source.keySerde(), source.valueSerde()),
                () -> new Processor<String, V, Void, Void>() {
                    private KeyValueStore<String, V> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public void process(Record<String, V> record) {
                        if (record.key() != null) {
                            indexer.index(store, record.key(), record.value());
                        }
                    }
                });
    }

    /** The plain mirror of a keyed topic: latest value per key, deleted by a tombstone. */
    public static <V> Indexer<V> latestByKey() {
        return (store, key, value) -> {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
        };
    }
}

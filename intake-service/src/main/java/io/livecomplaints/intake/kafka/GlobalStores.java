package io.livecomplaints.intake.kafka;

import io.livecomplaints.schemas.topics.Topic;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global stores (a full copy in every instance, so any instance answers any request) fed from a topic through a
 * processor that may index a record under several keys. Kafka Streams replays the topic through the same processor
 * when it restores the store.
 *
 * <p>A record that cannot be decoded or indexed is skipped, logged and counted in
 * {@code complaints_skipped_records_total}: the global thread cannot write dead letters (Kafka Streams 4.2 fails on
 * dead-letter records from a global store), and one bad upstream record must not stop intake. The store keeps what
 * it had for that key.
 */
public final class GlobalStores {

    private static final Logger log = LoggerFactory.getLogger(GlobalStores.class);

    private GlobalStores() {
    }

    /** What a store's processor does with one record of its topic. */
    @FunctionalInterface
    public interface Indexer<V> {
        void index(KeyValueStore<String, V> store, String key, V value);
    }

    /** A decoded value (null for a tombstone), or the mark of a record that could not be decoded. */
    record Decoded<V>(V value, boolean undecodable) {
    }

    public static <V> void add(StreamsBuilder builder, String storeName, Topic<String, V> source, Indexer<V> indexer) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(), SourceTopicSerde.of(source))
                        .withLoggingDisabled(),
                source.name(), Consumed.with(source.keySerde(), lenient(source)),
                () -> new Processor<String, Decoded<V>, Void, Void>() {
                    private KeyValueStore<String, V> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore(storeName);
                    }

                    @Override
                    public void process(Record<String, Decoded<V>> record) {
                        if (record.key() == null || record.value() == null || record.value().undecodable()) {
                            skipped(source.name(), record.key(), "undecodable or without key");
                            return;
                        }
                        try {
                            indexer.index(store, record.key(), record.value().value());
                        } catch (RuntimeException e) {
                            skipped(source.name(), record.key(), e.toString());
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

    private static <V> Serde<Decoded<V>> lenient(Topic<String, V> source) {
        Deserializer<V> strict = source.valueSerde().deserializer();
        Deserializer<Decoded<V>> deserializer = new Deserializer<>() {
            @Override
            public Decoded<V> deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public Decoded<V> deserialize(String topic, Headers headers, byte[] data) {
                if (data == null) {
                    return new Decoded<>(null, false);
                }
                try {
                    return new Decoded<>(strict.deserialize(topic, headers, data), false);
                } catch (RuntimeException e) {
                    log.warn("cannot decode a record of {}: {}", topic, e.getMessage());
                    return new Decoded<>(null, true);
                }
            }
        };
        return Serdes.serdeFrom((topic, value) -> {
            throw new UnsupportedOperationException("global store sources are only read");
        }, deserializer);
    }

    private static void skipped(String topic, String key, String why) {
        log.warn("skipped a record of {} (key {}): {}", topic, key, why);
        Metrics.counter("complaints.skipped.records", "topic", topic).increment();
    }
}

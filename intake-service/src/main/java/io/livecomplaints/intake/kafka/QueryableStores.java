package io.livecomplaints.intake.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Interactive queries of intake's global stores from request threads. A store that is not queryable (Kafka Streams
 * starting, restoring or stopped) is reported as {@link StoreUnavailableException}; callers decide what that means.
 */
@Component
public class QueryableStores {

    private final StreamsBuilderFactoryBean streams;
    private final Map<String, ReadOnlyKeyValueStore<String, ?>> cache = new ConcurrentHashMap<>();

    public QueryableStores(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The value under a key in a store, or null. */
    @SuppressWarnings("unchecked")
    public <V> V get(String storeName, String key) {
        try {
            return (V) store(storeName).get(key);
        } catch (InvalidStateStoreException e) {
            cache.remove(storeName);
            throw new StoreUnavailableException(storeName, e);
        }
    }

    private ReadOnlyKeyValueStore<String, ?> store(String storeName) {
        ReadOnlyKeyValueStore<String, ?> store = cache.get(storeName);
        if (store != null) {
            return store;
        }
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new StoreUnavailableException(storeName, null);
        }
        store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, Object>keyValueStore()));
        cache.put(storeName, store);
        return store;
    }

    /** A store cannot be queried right now. */
    public static class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(String storeName, Throwable cause) {
            super("state store " + storeName + " is not queryable now", cause);
        }
    }
}

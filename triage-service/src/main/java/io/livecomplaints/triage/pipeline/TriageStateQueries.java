package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.schemas.keys.CreditKeys;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.support.streams.query.StoreOwners;
import io.livecomplaints.triage.diagnosis.QosTelemetry;
import io.livecomplaints.triage.grading.model.UserCredit;
import io.livecomplaints.triage.routing.RoutingStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the topology's state for the APIs (Kafka Streams interactive queries): telemetry and credit are global
 * stores, complete on every instance; the agents' load is partitioned by team, so it is gathered from every instance
 * owning routing partitions ({@link StoreOwners#gather}).
 */
@Component
public class TriageStateQueries {

    private final StreamsBuilderFactoryBean streams;
    private final StoreOwners owners;

    TriageStateQueries(StreamsBuilderFactoryBean streams, StoreOwners owners) {
        this.streams = streams;
        this.owners = owners;
    }

    /** The telemetry of a session, or empty when the stores are not ready (the diagnosis then says NO_TELEMETRY). */
    public List<QosSample> telemetry(String sessionId, Instant from, Instant to) {
        return this.<String, QosSample>store(QosTelemetry.STORE).map(s -> QosTelemetry.around(s, sessionId, from, to)).orElse(List.of());
    }

    public UserCredit credit(String userId) {
        if (userId == null) {
            return null;
        }
        CreditRecord record = this.<String, CreditRecord>store(TriageTopology.CREDIT_STORE).map(s -> s.get(CreditKeys.key(CreditSubject.USER, userId))).orElse(null);
        return record == null ? null : new UserCredit(record.getValidComplaints(), record.getRejectedComplaints());
    }

    /**
     * The parts of an agents' load answer, one per instance owning routing partitions (each owns some teams' agents),
     * each made by {@code part} from that instance's open cases per agent; the caller adds them up.
     */
    public <T> List<T> agentLoad(Class<T> type, Function<Map<String, Long>, T> part) {
        return owners.gather(RoutingStores.AGENT_LOAD, type, partitions -> {
            Map<String, Long> load = new TreeMap<>();
            for (int partition : partitions) {
                owners.<Long, Void>readLocal(RoutingStores.AGENT_LOAD, partition, store -> {
                    try (KeyValueIterator<String, Long> all = store.all()) {
                        all.forEachRemaining(kv -> load.merge(kv.key, kv.value, Long::sum));
                    }
                    return null;
                });
            }
            return part.apply(load);
        });
    }

    private <K, V> Optional<ReadOnlyKeyValueStore<K, V>> store(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}

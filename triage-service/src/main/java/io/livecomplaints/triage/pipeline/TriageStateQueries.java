package io.livecomplaints.triage.pipeline;

import io.livecomplaints.events.CreditSubject;
import io.livecomplaints.schemas.keys.CreditKeys;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.triage.diagnosis.QosTelemetry;
import io.livecomplaints.triage.grading.model.UserCredit;
import io.livecomplaints.triage.routing.RoutingStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the topology's state for the APIs (Kafka Streams interactive queries): telemetry and credit are global
 * stores, complete on every instance; the agents' load covers the teams whose partitions this instance owns.
 */
@Component
public class TriageStateQueries {

    private final StreamsBuilderFactoryBean streams;

    TriageStateQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
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

    /** Open cases per agent, as far as this instance knows. */
    public Map<String, Long> agentLoad() {
        Map<String, Long> load = new TreeMap<>();
        this.<String, Long>store(RoutingStores.AGENT_LOAD).ifPresent(s -> s.all().forEachRemaining(kv -> load.put(kv.key, kv.value)));
        return load;
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

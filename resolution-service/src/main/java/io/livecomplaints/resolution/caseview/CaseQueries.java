package io.livecomplaints.resolution.caseview;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.CreditRecord;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads cases and credit records from this instance's global replicas of complaint-cases and credit-records, so
 * every instance answers for every case (committed versions only; a command's effect shows a few hundred ms later).
 */
@Component
public class CaseQueries {

    /** The global replica of complaint-cases every instance keeps (built by the case topology). */
    public static final String CASE_VIEW = "case-view";
    /** The global replica of credit-records. */
    public static final String CREDIT_VIEW = "credit-view";

    private static final Logger log = LoggerFactory.getLogger(CaseQueries.class);

    private final StreamsBuilderFactoryBean streams;
    private final Topic<String, ComplaintCase> cases;

    public CaseQueries(StreamsBuilderFactoryBean streams, Topics topics) {
        this.streams = streams;
        this.cases = topics.complaintCases;
    }

    public Optional<ComplaintCase> find(String complaintId) {
        return Optional.ofNullable(decode(complaintId, store(CASE_VIEW, byte[].class).get(complaintId)));
    }

    /** Every case matching the filter (a scan of the replica). */
    public List<ComplaintCase> all(Predicate<ComplaintCase> filter) {
        List<ComplaintCase> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store(CASE_VIEW, byte[].class).all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> next = it.next();
                ComplaintCase decoded = decode(next.key, next.value);
                if (decoded != null && filter.test(decoded)) {
                    found.add(decoded);
                }
            }
        }
        return found;
    }

    /**
     * The replica holds complaint-cases' bytes as written (it does not decode them on the way in): null for none, and
     * a record that does not decode reads as absent, logged, as the global thread cannot dead-letter it.
     */
    private ComplaintCase decode(String complaintId, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return cases.valueSerde().deserializer().deserialize(cases.name(), bytes);
        } catch (RuntimeException e) {
            log.warn("case {} on {} does not decode; left out of the answer: {}", complaintId, cases.name(), e.toString());
            return null;
        }
    }

    public Optional<CreditRecord> credit(String key) {
        return Optional.ofNullable(store(CREDIT_VIEW, CreditRecord.class).get(key));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, Class<V> type) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new StoreUnavailableException("the case processor has not started");
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("cases are being restored (" + kafkaStreams.state() + "); retry shortly");
        }
    }

    /** The replicas cannot be read yet (starting, restoring or rebalancing): 503, retry. */
    public static class StoreUnavailableException extends ApiProblem {
        StoreUnavailableException(String message) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Cases not available yet", message);
        }
    }
}

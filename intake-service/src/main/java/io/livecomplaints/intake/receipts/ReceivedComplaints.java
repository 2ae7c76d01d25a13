package io.livecomplaints.intake.receipts;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.idempotency.model.IdempotencyKey;
import io.livecomplaints.intake.kafka.GlobalStores;
import io.livecomplaints.intake.kafka.QueryableStores;
import io.livecomplaints.intake.kafka.StoreNames;
import io.livecomplaints.schemas.topics.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The complaints intake has received, by complaint id and by idempotency scope: the {@code complaints-received}
 * topic as a global store (survives restarts, the same in every instance), bridged by an in-process record of what
 * this instance has just written until the store has caught up with it (read-your-writes). Contact data is dropped
 * before anything is kept here.
 */
@Component
public class ReceivedComplaints {

    static final String COMPLAINT = "complaint/";
    static final String KEY = "key/";

    private final QueryableStores stores;
    private final Map<String, ComplaintReceived> recent;

    ReceivedComplaints(StreamsBuilder builder, Topics topics, QueryableStores stores,
                       @Value("${complaints.intake.recent-complaints:10000}") int recentCapacity) {
        this.stores = stores;
        this.recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ComplaintReceived> eldest) {
                return size() > recentCapacity;
            }
        });
        GlobalStores.add(builder, StoreNames.COMPLAINTS, topics.complaintsReceived, ReceivedComplaints::index);
    }

    static void index(KeyValueStore<String, ComplaintReceived> store, String complaintId, ComplaintReceived complaint) {
        if (complaint == null) {
            return; // complaints are never deleted from the record
        }
        ComplaintReceived kept = withoutContact(complaint);
        store.put(COMPLAINT + complaintId, kept);
        scopeOf(kept).ifPresent(scope -> store.put(KEY + scope, kept));
    }

    /** What this instance has just written, so that a retry or a read right after it finds it. */
    public void remember(ComplaintReceived complaint) {
        ComplaintReceived kept = withoutContact(complaint);
        recent.put(COMPLAINT + kept.getEnvelope().getComplaintId(), kept);
        scopeOf(kept).ifPresent(scope -> recent.put(KEY + scope, kept));
    }

    /** The complaint with this id; throws {@link QueryableStores.StoreUnavailableException} if the record cannot be read. */
    public Optional<ComplaintReceived> byId(String complaintId) {
        return find(COMPLAINT + complaintId);
    }

    /** The complaint filed under this idempotency scope; throws if the record cannot be read. */
    public Optional<ComplaintReceived> byScope(String scope) {
        return find(KEY + scope);
    }

    private Optional<ComplaintReceived> find(String key) {
        ComplaintReceived local = recent.get(key);
        if (local != null) {
            return Optional.of(local);
        }
        return Optional.ofNullable(stores.<ComplaintReceived>get(StoreNames.COMPLAINTS, key));
    }

    private static Optional<String> scopeOf(ComplaintReceived c) {
        return c.getIdempotencyKey() == null ? Optional.empty()
                : Optional.of(IdempotencyKey.scopeOf(c.getSource(), c.getUserId(), c.getIdempotencyKey()));
    }

    private static ComplaintReceived withoutContact(ComplaintReceived c) {
        return c.getContact() == null ? c : ComplaintReceived.newBuilder(c).setContact(null).build();
    }
}

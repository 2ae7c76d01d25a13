package io.livecomplaints.intake.receipts;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.intake.idempotency.model.IdempotencyKey;
import io.livecomplaints.intake.kafka.IntakeQueries;
import io.livecomplaints.intake.kafka.StoreNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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

    private final IntakeQueries queries;
    private final Map<String, ComplaintReceived> recent;

    ReceivedComplaints(IntakeQueries queries, @Value("${complaints.intake.recent-complaints:10000}") int recentCapacity) {
        this.queries = queries;
        this.recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ComplaintReceived> eldest) {
                return size() > recentCapacity;
            }
        });
    }

    /** How complaints-received is kept in its global store: by complaint id and by idempotency scope, without contact. */
    public static void index(KeyValueStore<String, ComplaintReceived> store, String complaintId, ComplaintReceived complaint) {
        if (complaint == null) {
            return; // complaints are never deleted from the record
        }
        ComplaintReceived kept = withoutContact(complaint);
        store.put(StoreNames.complaintKey(complaintId), kept);
        scopeOf(kept).ifPresent(scope -> store.put(StoreNames.scopeKey(scope), kept));
    }

    /** What this instance has just written, so that a retry or a read right after it finds it. */
    public void remember(ComplaintReceived complaint) {
        ComplaintReceived kept = withoutContact(complaint);
        recent.put(StoreNames.complaintKey(kept.getEnvelope().getComplaintId()), kept);
        scopeOf(kept).ifPresent(scope -> recent.put(StoreNames.scopeKey(scope), kept));
    }

    /** The complaint with this id; throws {@link IntakeQueries.StoreUnavailableException} if the record cannot be read. */
    public Optional<ComplaintReceived> byId(String complaintId) {
        return find(StoreNames.complaintKey(complaintId), () -> queries.complaint(complaintId));
    }

    /** The complaint filed under this idempotency scope; throws if the record cannot be read. */
    public Optional<ComplaintReceived> byScope(String scope) {
        return find(StoreNames.scopeKey(scope), () -> queries.complaintUnderScope(scope));
    }

    private Optional<ComplaintReceived> find(String recentKey, Supplier<ComplaintReceived> stored) {
        ComplaintReceived local = recent.get(recentKey);
        if (local != null) {
            return Optional.of(local);
        }
        return Optional.ofNullable(stored.get());
    }

    private static Optional<String> scopeOf(ComplaintReceived c) {
        return c.getIdempotencyKey() == null ? Optional.empty()
                : Optional.of(IdempotencyKey.scopeOf(c.getSource(), c.getUserId(), c.getIdempotencyKey()));
    }

    private static ComplaintReceived withoutContact(ComplaintReceived c) {
        return c.getContact() == null ? c : ComplaintReceived.newBuilder(c).setContact(null).build();
    }
}

package io.livecomplaints.triage.pipeline;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The complaints triage has accepted, by complaint id, in the changelogged {@value #STORE} store: each complaint is
 * triaged once. Intake may write one complaint twice (a retry of the same Idempotency-Key reaching another instance
 * within its cross-instance window: same complaintId, another eventId); the second event is dropped here, and so is a
 * redelivery of an event already accepted. Entries older than the retention are purged; it must stay well above
 * intake's idempotency window.
 */
final class AcceptedComplaints {

    static final String STORE = "accepted-complaints";
    /** Prometheus: complaints_triage_resubmissions_dropped_total{reason="resubmission"|"redelivery"}. */
    static final String DROPPED_METRIC = "complaints.triage.resubmissions.dropped";

    /** What is kept per accepted complaint: the event it was accepted from and when (wall clock, epoch millis). */
    record Accepted(String eventId, long acceptedAt) {
    }

    private final KeyValueStore<String, Accepted> store;
    private final Duration retention;

    AcceptedComplaints(KeyValueStore<String, Accepted> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** Whether the complaint was accepted before (from this event or another); counts the drop when so. */
    boolean acceptedBefore(String complaintId, String eventId) {
        Accepted before = store.get(complaintId);
        if (before == null) {
            return false;
        }
        Metrics.counter(DROPPED_METRIC, "reason", before.eventId().equals(eventId) ? "redelivery" : "resubmission").increment();
        return true;
    }

    void accept(String complaintId, String eventId, long now) {
        store.put(complaintId, new Accepted(eventId, now));
    }

    /** Forgets the complaints accepted more than the retention before {@code now}. */
    void purge(long now) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Accepted> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Accepted> entry = all.next();
                if (entry.value.acceptedAt() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }
}

package io.livecomplaints.triage.pipeline;

import io.livecomplaints.support.streams.state.StateSerdes;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The complaints triage has accepted, by complaint id: each complaint is triaged once. Intake may write one complaint
 * twice (a retry of the same Idempotency-Key reaching another instance within its cross-instance window: same
 * complaintId, another eventId); the second event is dropped here, and so is a redelivery of an event already
 * accepted. The retention must stay well above intake's idempotency window.
 *
 * <p>One changelogged window store, {@value #STORE}: complaint id → the event it was accepted from, at the time it was
 * accepted. "Seen before?" looks only at the last {@code retention}, so an id is forgotten exactly when its retention
 * ends. Nothing is ever deleted one by one: whole time segments of the store are dropped once they are older than the
 * retention, and its changelog (compact + delete) expires with them. Per complaint that is one write, against two
 * writes and two deletions for an id store plus an expiry schedule, or a full scan of the retention's ids for a purge.
 */
final class AcceptedComplaints {

    /** complaint id → first eventId, windowed by acceptance time (was {@code accepted-complaints}, a key-value store). */
    static final String STORE = "accepted-complaints-by-time";
    /** Prometheus: complaints_triage_resubmissions_dropped_total{reason="resubmission"|"redelivery"}. */
    static final String DROPPED_METRIC = "complaints.triage.resubmissions.dropped";

    /** Each acceptance is its own one-millisecond window: the store is a time-ordered record, not an aggregation. */
    private static final Duration WINDOW = Duration.ofMillis(1);

    private final WindowStore<String, String> ids;
    private final Duration retention;

    AcceptedComplaints(WindowStore<String, String> ids, Duration retention) {
        this.ids = ids;
        this.retention = retention;
    }

    /** The store, keeping acceptances for the retention (whole segments are dropped after it). */
    static StoreBuilder<WindowStore<String, String>> storeBuilder(Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, retention, WINDOW, false),
                StateSerdes.string(), StateSerdes.string());
    }

    /**
     * Whether the complaint was accepted (from this event or another) within the retention before {@code now} (wall
     * clock, epoch millis); counts the drop when so.
     */
    boolean acceptedBefore(String complaintId, String eventId, long now) {
        String acceptedFrom = null;
        try (WindowStoreIterator<String> accepted = ids.fetch(complaintId, now - retention.toMillis(), Long.MAX_VALUE)) {
            if (accepted.hasNext()) {
                acceptedFrom = accepted.next().value;
            }
        }
        if (acceptedFrom == null) {
            return false;
        }
        Metrics.counter(DROPPED_METRIC, "reason", acceptedFrom.equals(eventId) ? "redelivery" : "resubmission").increment();
        return true;
    }

    /** Remembers the complaint as accepted at {@code now} (wall clock, epoch millis). */
    void accept(String complaintId, String eventId, long now) {
        ids.put(complaintId, eventId, now);
    }
}

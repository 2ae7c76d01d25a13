package io.livecomplaints.triage.pipeline;

import io.livecomplaints.support.streams.schedule.DurableSchedule;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The complaints triage has accepted, by complaint id: each complaint is triaged once. Intake may write one complaint
 * twice (a retry of the same Idempotency-Key reaching another instance within its cross-instance window: same
 * complaintId, another eventId); the second event is dropped here, and so is a redelivery of an event already
 * accepted. The retention must stay well above intake's idempotency window.
 *
 * <p>Two changelogged stores: {@value #STORE} (complaint id → the event it was accepted from) answers "seen before?",
 * and the {@link DurableSchedule} {@value #EXPIRY} says when each id is forgotten: one entry per complaint, keyed by the
 * hour its retention ends (rounded up) and the complaint id, with an empty value. The purge reads only what is due,
 * instead of a full scan of the retention's complaints every hour. Per complaint that is two small writes (and their two
 * deletions at expiry): an entry per hour listing its ids would rewrite a growing list for every complaint.
 */
final class AcceptedComplaints {

    /** complaint id → first eventId (plain strings; was {@code accepted-complaints} with JSON values and an hourly scan). */
    static final String STORE = "accepted-complaint-ids";
    /** When each accepted id is forgotten: (hour bucket, complaint id) → "". */
    static final String EXPIRY = "accepted-complaint-expiry";
    /** Expiry is rounded up to this: an id may be remembered up to one bucket longer than the retention. */
    static final Duration BUCKET = Duration.ofHours(1);
    /** Prometheus: complaints_triage_resubmissions_dropped_total{reason="resubmission"|"redelivery"}. */
    static final String DROPPED_METRIC = "complaints.triage.resubmissions.dropped";

    private static final String NOTHING = "";

    private final KeyValueStore<String, String> ids;
    private final DurableSchedule<String> expiry;
    private final Duration retention;

    AcceptedComplaints(KeyValueStore<String, String> ids, DurableSchedule<String> expiry, Duration retention) {
        this.ids = ids;
        this.expiry = expiry;
        this.retention = retention;
    }

    /** Whether the complaint was accepted before (from this event or another); counts the drop when so. */
    boolean acceptedBefore(String complaintId, String eventId) {
        String acceptedFrom = ids.get(complaintId);
        if (acceptedFrom == null) {
            return false;
        }
        Metrics.counter(DROPPED_METRIC, "reason", acceptedFrom.equals(eventId) ? "redelivery" : "resubmission").increment();
        return true;
    }

    /** Remembers the complaint, accepted at {@code now} (wall clock, epoch millis), until its expiry. */
    void accept(String complaintId, String eventId, long now) {
        ids.put(complaintId, eventId);
        expiry.schedule(forgetAt(now), complaintId, NOTHING);
    }

    /** The end of the hour in which the retention of a complaint accepted at {@code acceptedAt} ends. */
    Instant forgetAt(long acceptedAt) {
        long bucket = BUCKET.toMillis();
        return Instant.ofEpochMilli(-Math.floorDiv(-(acceptedAt + retention.toMillis()), bucket) * bucket);
    }

    /**
     * Forgets the complaints whose expiry is due at {@code now}, at most {@code max} and for about {@code budget}; the
     * rest stays due for the next purge.
     *
     * @return how many were forgotten
     */
    int purge(long now, int max, Duration budget) {
        return expiry.drainDue(Instant.ofEpochMilli(now), max, budget, due -> ids.delete(due.id()));
    }
}

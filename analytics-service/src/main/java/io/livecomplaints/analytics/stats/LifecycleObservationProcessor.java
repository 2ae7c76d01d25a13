package io.livecomplaints.analytics.stats;

import io.livecomplaints.analytics.stats.model.ComplaintProfile;
import io.livecomplaints.analytics.stats.model.LifecycleObservations;
import io.livecomplaints.analytics.stats.model.Observation;
import io.livecomplaints.analytics.stats.model.ProfileState;
import io.livecomplaints.events.Envelope;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Lifecycle events of a complaint (keyed by complaintId) → observations keyed by statistic, each fact counted once
 * thanks to the complaint's profile in the {@value StatsStores#PROFILES} store. Profiles of complaints quiet for
 * longer than the retention are purged (wall-clock punctuation).
 */
class LifecycleObservationProcessor implements Processor<String, Object, String, Long> {

    private final Duration retention;
    private final Duration purgeInterval;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, ProfileState> profiles;
    private KeyValueStore<String, Object> sessions;

    LifecycleObservationProcessor(Duration retention, Duration purgeInterval) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.profiles = context.getStateStore(StatsStores.PROFILES);
        this.sessions = context.getStateStore(StatsStores.SESSION_QOS);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, Object> record) {
        Object event = record.value();
        if (event == null) {
            return;
        }
        Envelope envelope = Envelopes.of(event);
        String complaintId = record.key() != null ? record.key() : envelope == null ? null : envelope.getComplaintId();
        if (complaintId == null) {
            return;
        }
        ComplaintProfile profile = ComplaintProfile.of(profiles.get(complaintId));
        List<Observation> observations = LifecycleObservations.observe(profile, envelope, event, this::regionOf);
        profiles.put(complaintId, profile.state());
        for (Observation observation : observations) {
            context.forward(new Record<>(observation.key().toString(), observation.value(), observation.at().toEpochMilli()));
        }
    }

    private String regionOf(String sessionId) {
        Object stored = sessions.get(sessionId);
        Object sample = stored instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : stored;
        return sample instanceof QosSample qos ? qos.getRegion() : null;
    }

    private void purge(long now) {
        Instant cutoff = Instant.ofEpochMilli(now).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ProfileState> all = profiles.all()) {
            while (all.hasNext()) {
                KeyValue<String, ProfileState> entry = all.next();
                if (ComplaintProfile.of(entry.value).lastSeenAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(profiles::delete);
    }
}

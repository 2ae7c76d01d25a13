package io.livecomplaints.triage.diagnosis;

import io.livecomplaints.events.QosSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The live-qos telemetry of every session, kept in a global store (every instance sees every session) keyed
 * {@code sessionId|windowStart|cdnNode} so that one range read finds a session's samples around a time. Samples older
 * than the retention (relative to the newest sample of the session) are dropped as new ones arrive.
 */
public final class QosTelemetry {

    public static final String STORE = "qos-samples";

    /** Longest sample window we expect; a sample that started this long before a range still overlaps it. */
    private static final Duration MAX_WINDOW = Duration.ofMinutes(5);

    private QosTelemetry() {
    }

    static String key(String sessionId, long windowStart, String cdnNode) {
        return sessionId + "|" + String.format("%013d", Math.max(0, windowStart)) + "|" + (cdnNode == null ? "" : cdnNode);
    }

    /** The samples of a session whose windows may overlap [from, to]. */
    public static List<QosSample> around(ReadOnlyKeyValueStore<String, QosSample> store, String sessionId, Instant from, Instant to) {
        List<QosSample> samples = new ArrayList<>();
        if (sessionId == null) {
            return samples;
        }
        try (KeyValueIterator<String, QosSample> range = store.range(key(sessionId, from.minus(MAX_WINDOW).toEpochMilli(), ""),
                key(sessionId, to.toEpochMilli(), "~"))) {
            range.forEachRemaining(kv -> samples.add(kv.value));
        }
        return samples;
    }

    /** Feeds the global store from live-qos (also on restore, so the key layout and retention always apply). */
    public static final class Recorder implements Processor<String, QosSample, Void, Void> {

        private final Duration retention;
        private KeyValueStore<String, QosSample> store;

        public Recorder(Duration retention) {
            this.retention = retention;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, QosSample> record) {
            QosSample sample = record.value();
            if (sample == null || sample.getSessionId() == null) {
                return;
            }
            long start = sample.getWindowStart().toEpochMilli();
            store.put(key(sample.getSessionId(), start, sample.getCdnNode()), sample);
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, QosSample> old = store.range(key(sample.getSessionId(), 0, ""),
                    key(sample.getSessionId(), start - retention.toMillis(), ""))) {
                old.forEachRemaining((KeyValue<String, QosSample> kv) -> expired.add(kv.key));
            }
            expired.forEach(store::delete);
        }
    }
}

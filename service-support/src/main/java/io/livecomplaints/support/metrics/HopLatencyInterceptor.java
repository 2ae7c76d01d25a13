package io.livecomplaints.support.metrics;

import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.envelope.WireEnvelope;
import io.livecomplaints.schemas.topics.TopicNames;
import io.livecomplaints.events.Envelope;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Times every hop of the pipeline: for each record a service consumes from a lifecycle topic, the time from the
 * event's {@code occurredAt} (set by the service that wrote it) to this service polling it, as the timer
 * {@code complaints_event_hop_latency_seconds{topic}} (with histogram buckets). Installed on every consumer by
 * service-defaults ({@code interceptor.classes}; Kafka Streams' main consumer). Raw records (Kafka Streams) are
 * read without a schema: every event's first field is the envelope, whose third field is {@code occurredAt}.
 * Upstream topics are not timed (their occurredAt is the commerce system's business time).
 */
public class HopLatencyInterceptor implements ConsumerInterceptor<Object, Object> {

    static final String TIMER = "complaints.event.hop.latency";
    static final Set<String> LIFECYCLE_TOPICS = Set.of(TopicNames.COMPLAINTS_RECEIVED, TopicNames.COMPLAINTS_TRIAGED,
            TopicNames.COMPLAINT_COMMANDS, TopicNames.COMPLAINT_CASES, TopicNames.COMPLAINT_OUTCOMES, TopicNames.SLA_EVENTS,
            TopicNames.NOTIFICATIONS, TopicNames.SURVEY_RESPONSES, TopicNames.REPLAY_RETENTION, TopicNames.CREDIT_RECORDS);

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<Object, Object> record : records) {
            if (!LIFECYCLE_TOPICS.contains(record.topic())) {
                continue;
            }
            long occurredAt = occurredAt(record.value());
            if (occurredAt > 0 && occurredAt <= now) {
                timers.computeIfAbsent(record.topic(), topic -> Timer.builder(TIMER)
                                .description("from an event's occurredAt to its consumption by this service")
                                .tag("topic", topic).publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                                .register(Metrics.globalRegistry))
                        .record(Duration.ofMillis(now - occurredAt));
            }
        }
        return records;
    }

    /** The envelope's occurredAt of a decoded event or of its wire bytes, or -1 if it has none. */
    static long occurredAt(Object value) {
        if (value instanceof byte[] bytes) {
            return WireEnvelope.occurredAtMillis(bytes);
        }
        Envelope envelope = Envelopes.of(value);
        return envelope == null || envelope.getOccurredAt() == null ? -1 : envelope.getOccurredAt().toEpochMilli();
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}

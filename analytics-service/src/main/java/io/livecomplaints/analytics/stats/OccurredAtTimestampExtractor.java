package io.livecomplaints.analytics.stats;

import io.livecomplaints.events.Envelope;
import io.livecomplaints.schemas.envelope.Envelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time = the envelope's {@code occurredAt}, so statistics land in the window in which things happened, not the
 * one in which analytics read them; records without an envelope keep their record timestamp.
 */
public class OccurredAtTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Envelope envelope = Envelopes.of(record.value());
        if (envelope != null && envelope.getOccurredAt() != null) {
            return envelope.getOccurredAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}

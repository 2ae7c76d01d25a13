package io.livecomplaints.schemas.envelope;

import io.livecomplaints.events.Envelope;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Creates and reads the common envelope of events. */
public final class Envelopes {

    private Envelopes() {
    }

    /**
     * A new envelope with a fresh event id.
     *
     * @param traceId the W3C trace id (32 hex) of the trace the event belongs to; null starts a new one
     */
    public static Envelope create(String complaintId, String producer, String traceId, Instant occurredAt) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setComplaintId(complaintId)
                .setOccurredAt(occurredAt)
                .setProducer(producer)
                .setTraceId(traceId == null ? newTraceId() : traceId)
                .build();
    }

    /** An envelope that continues the trace of the event it was caused by. */
    public static Envelope following(Envelope cause, String producer, Instant occurredAt) {
        return create(cause.getComplaintId(), producer, cause.getTraceId(), occurredAt);
    }

    /**
     * A random W3C trace id: 32 lower-case hex digits, never all zero. All 128 bits random (not a UUID's: its fixed
     * version and variant bits fall where OpenTelemetry's ratio sampler reads its random part, so at a ratio below
     * ~0.6 no trace started here would ever be recorded).
     */
    public static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** The envelope of any of our events, or null if the record has none. */
    public static Envelope of(Object record) {
        if (record instanceof SpecificRecord specific) {
            Schema.Field field = specific.getSchema().getField("envelope");
            if (field != null && specific.get(field.pos()) instanceof Envelope envelope) {
                return envelope;
            }
        }
        return null;
    }
}

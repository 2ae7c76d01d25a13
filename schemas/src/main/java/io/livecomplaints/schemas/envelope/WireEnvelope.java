package io.livecomplaints.schemas.envelope;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The envelope of an event read straight from its Confluent wire bytes (magic byte 0, 4-byte schema id, Avro binary),
 * without decoding the event: every event's first field is the envelope {@code eventId, complaintId (["null",
 * "string"]), occurredAt, producer, traceId}. For hot paths that need one envelope field of every record (hop latency,
 * trace context, a benchmark's observers). Anything that is not such bytes reads as absent.
 */
public final class WireEnvelope {

    private static final int HEADER_SIZE = 5;
    private static final ThreadLocal<BinaryDecoder[]> DECODERS = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private WireEnvelope() {
    }

    /** The envelope's complaintId, or null (none, or not an event's wire bytes). */
    public static String complaintId(byte[] bytes) {
        BinaryDecoder decoder = atEnvelope(bytes);
        if (decoder == null) {
            return null;
        }
        try {
            decoder.skipString();                                   // eventId
            return decoder.readIndex() == 1 ? decoder.readString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The envelope's occurredAt in epoch milliseconds, or -1. */
    public static long occurredAtMillis(byte[] bytes) {
        BinaryDecoder decoder = atEnvelope(bytes);
        if (decoder == null) {
            return -1;
        }
        try {
            skipToOccurredAt(decoder);
            return decoder.readLong();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The envelope's traceId, or null. */
    public static String traceId(byte[] bytes) {
        BinaryDecoder decoder = atEnvelope(bytes);
        if (decoder == null) {
            return null;
        }
        try {
            skipToOccurredAt(decoder);
            decoder.readLong();                                     // occurredAt
            decoder.skipString();                                   // producer
            return decoder.readString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void skipToOccurredAt(BinaryDecoder decoder) throws IOException {
        decoder.skipString();                                       // eventId
        if (decoder.readIndex() == 1) {                             // complaintId
            decoder.skipString();
        }
    }

    /** A decoder (reused per thread) at the first byte of the envelope, or null. */
    private static BinaryDecoder atEnvelope(byte[] bytes) {
        if (bytes == null || bytes.length <= HEADER_SIZE || bytes[0] != 0) {
            return null;
        }
        BinaryDecoder[] reuse = DECODERS.get();
        reuse[0] = DecoderFactory.get().binaryDecoder(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, reuse[0]);
        return reuse[0];
    }
}

package io.livecomplaints.schemas.serde;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then Avro binary.
 * Keeping to it lets Confluent's own clients read our topics and lets a deployment swap registries.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** TopicNameStrategy: the subject of a topic's keys or values. */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}

package io.livecomplaints.intake.kafka;

import io.livecomplaints.schemas.topics.Topic;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a store that mirrors a topic: values keep the topic's wire format and schema subject (instead of a
 * subject named after the store's changelog), so a store needs no schema of its own in the registry and old entries
 * stay readable after the schema evolves.
 */
public final class SourceTopicSerde {

    private SourceTopicSerde() {
    }

    public static <V> Serde<V> of(Topic<String, V> topic) {
        Serializer<V> serializer = topic.valueSerde().serializer();
        Deserializer<V> deserializer = topic.valueSerde().deserializer();
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (ignoredTopic, value) -> serializer.serialize(topic.name(), value),
                (ignoredTopic, bytes) -> deserializer.deserialize(topic.name(), bytes));
    }
}

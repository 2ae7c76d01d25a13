package io.livecomplaints.schemas.topics;

import java.util.Set;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, the one service allowed to write it (single-writer rule) and the
 * services that read it (their Kafka principals get READ on it and WRITE on its dead-letter topic, see KafkaAcls).
 *
 * @param compacted  a changelog whose latest value per key is the state (cleanup.policy=compact)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Class<V> valueType,
                          String writer, boolean compacted, Set<String> readers) {

    /** Where records that cannot be read or processed go, with the reason in headers. */
    public String deadLetterTopic() {
        return TopicNames.deadLetter(name);
    }
}

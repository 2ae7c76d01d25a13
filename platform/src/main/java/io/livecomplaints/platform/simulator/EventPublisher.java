package io.livecomplaints.platform.simulator;

import io.livecomplaints.schemas.serde.AvroWireSerializer;
import io.livecomplaints.schemas.serde.SerdeConfig;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

/** Publishes upstream events as the commerce systems do: Avro in Confluent's wire format, acks=all. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final AtomicInteger sent = new AtomicInteger();

    public EventPublisher(String bootstrapServers, String registryUrl) {
        producer = new KafkaProducer<>(KafkaClientSecurity.fromEnvironment().applyTo(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "upstream-simulator",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroWireSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl)));
    }

    public <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, error) -> {
            if (error != null) {
                System.err.println("failed to publish to " + topic.name() + ": " + error);
            }
        });
        sent.incrementAndGet();
    }

    public void flush() {
        producer.flush();
    }

    public int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

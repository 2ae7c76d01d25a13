package io.livecomplaints.support.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.testkit.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Against the real embedded broker: an acknowledged write is on the topic; one the broker cannot acknowledge fails in time. */
class DurablePublisherTest {

    private final String bootstrap = TestPlatform.get().bootstrapServers();
    private DefaultKafkaProducerFactory<String, Object> producers;
    private KafkaTemplate<String, Object> kafka;

    @BeforeEach
    void producer() {
        Serializer<Object> text = (topic, value) -> value.toString().getBytes(StandardCharsets.UTF_8);
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), text);
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void close() {
        producers.destroy();
    }

    @Test
    void returnsOnceTheBrokerAcknowledgedAndTheRecordIsThere() throws Exception {
        String topic = topic("durable-ok-", Map.of());
        DurablePublisher publisher = new DurablePublisher(kafka, Duration.ofSeconds(15), Duration.ofSeconds(5));

        RecordMetadata written = publisher.send(topic, "C-1", "complaint one");

        assertThat(written.topic()).isEqualTo(topic);
        assertThat(written.offset()).isZero();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, "durable-test-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> record = null;
            for (int i = 0; i < 50 && record == null; i++) {
                var records = consumer.poll(Duration.ofMillis(200));
                record = records.isEmpty() ? null : records.iterator().next();
            }
            assertThat(record).isNotNull();
            assertThat(record.key()).isEqualTo("C-1");
            assertThat(record.value()).isEqualTo("complaint one");
        }
    }

    /**
     * A producer that holds each record for 5 s before sending it (linger.ms): the broker cannot acknowledge within
     * the publisher's second, and the publisher gives up then, not when the producer would.
     */
    @Test
    void aWriteTheBrokerDoesNotAcknowledgeInTimeFailsWithTheAnswerItWasGiven() throws Exception {
        String topic = topic("durable-unacked-", Map.of());
        DefaultKafkaProducerFactory<String, Object> lingering = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), (t, value) -> value.toString().getBytes(StandardCharsets.UTF_8));
        DurablePublisher publisher = new DurablePublisher(new KafkaTemplate<>(lingering), Duration.ofSeconds(1), Duration.ofSeconds(7))
                .answeringFailuresWith("Intake unavailable", "The complaint could not be recorded now; nothing was filed. Please retry.");

        long started = System.nanoTime();
        assertThatThrownBy(() -> publisher.send(topic, "C-2", "complaint two"))
                .isInstanceOfSatisfying(PublishFailedException.class, e -> {
                    assertThat(e).hasMessageContaining(topic).hasMessageContaining("within PT1S");
                    ApiProblem answer = e.answer();
                    assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(answer.title()).isEqualTo("Intake unavailable");
                    assertThat(answer.detail()).isEqualTo("The complaint could not be recorded now; nothing was filed. Please retry.");
                    assertThat(answer.retryAfterSeconds()).hasValue(7);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        lingering.destroy();
    }

    @Test
    void aRecordTheProducerCannotTakeIsAFailureToo() {
        DurablePublisher publisher = new DurablePublisher(kafka, Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(() -> publisher.send("durable-any", "C-3", null)) // the serializer refuses a null value
                .isInstanceOfSatisfying(PublishFailedException.class, e -> {
                    assertThat(e.answer().title()).isEqualTo(DurablePublisher.DEFAULT_TITLE);
                    assertThat(e.answer().detail()).isEqualTo(DurablePublisher.DEFAULT_DETAIL);
                    assertThat(e.answer().retryAfterSeconds()).hasValue(5);
                });
    }

    private String topic(String prefix, Map<String, String> config) throws Exception {
        String name = prefix + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(config))).all().get();
        }
        return name;
    }
}

package io.livecomplaints.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HopLatencyInterceptorTest {

    private final Topics topics = new Topics(new InMemorySchemaRegistryClient(), true);

    @Test
    void everyEventStartsWithTheEnvelopeWhoseThirdFieldIsOccurredAt() {
        for (Topic<String, ?> topic : topics.all()) {
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            Schema.Field first = schema.getFields().get(0);
            assertThat(first.name()).as(topic.name()).isEqualTo("envelope");
            assertThat(first.schema().getFields().stream().map(Schema.Field::name).limit(3).toList())
                    .containsExactly("eventId", "complaintId", "occurredAt");
        }
    }

    @Test
    void readsOccurredAtFromWireBytesWithAndWithoutComplaintId() {
        Instant at = Instant.parse("2026-11-23T08:00:00.123Z");
        for (String complaintId : new String[] {"C-1", null}) {
            SurveyResponse survey = SurveyResponse.newBuilder().setEnvelope(Envelopes.create(complaintId, "notification-service", null, at))
                    .setUserId("U-1").setScore(4).build();
            byte[] bytes = topics.surveyResponses.valueSerde().serializer().serialize(topics.surveyResponses.name(), survey);
            assertThat(HopLatencyInterceptor.occurredAt(bytes)).isEqualTo(at.toEpochMilli());
            assertThat(HopLatencyInterceptor.occurredAt(survey)).isEqualTo(at.toEpochMilli());
        }
        assertThat(HopLatencyInterceptor.occurredAt("{\"not\":\"avro\"}".getBytes())).isEqualTo(-1);
    }

    @Test
    void timesLifecycleTopicsOnlyFromOccurredAtToConsumption() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            Instant twoSecondsAgo = Instant.now().minusSeconds(2);
            SurveyResponse survey = SurveyResponse.newBuilder()
                    .setEnvelope(Envelopes.create("C-2", "notification-service", null, twoSecondsAgo)).setUserId("U-2").setScore(5).build();
            byte[] bytes = topics.surveyResponses.valueSerde().serializer().serialize(topics.surveyResponses.name(), survey);
            ConsumerRecord<Object, Object> lifecycle = new ConsumerRecord<>("survey-responses", 0, 0, "C-2", bytes);
            ConsumerRecord<Object, Object> upstream = new ConsumerRecord<>("live-qos", 0, 0, "S-1", bytes);
            new HopLatencyInterceptor().onConsume(new ConsumerRecords<>(Map.of(
                    new TopicPartition("survey-responses", 0), List.of(lifecycle),
                    new TopicPartition("live-qos", 0), List.of(upstream)), Map.of()));

            Timer timer = registry.find(HopLatencyInterceptor.TIMER).tag("topic", "survey-responses").timer();
            assertThat(timer).isNotNull();
            assertThat(timer.count()).isEqualTo(1);
            assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(2000);
            assertThat(registry.find(HopLatencyInterceptor.TIMER).tag("topic", "live-qos").timer()).isNull();
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}

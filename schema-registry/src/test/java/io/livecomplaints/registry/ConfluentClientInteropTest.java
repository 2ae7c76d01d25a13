package io.livecomplaints.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.serde.AvroWireDeserializer;
import io.livecomplaints.schemas.serde.AvroWireSerializer;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The independent check of our wire format and registry API: Confluent's own Python client (Debian's
 * python3-confluent-kafka, run with /usr/bin/python3) reads what our serializer wrote, through our registry,
 * and our deserializer reads what Confluent's AvroProducer wrote.
 */
class ConfluentClientInteropTest {

    private static final Path SCRIPT = Path.of("src/test/python/confluent_interop.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaRegistryApplication registry;

    @BeforeAll
    static void start() throws IOException {
        registry = RegistryTestSupport.startRegistry("_schemas_interop");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ComplaintReceived complaint(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ComplaintReceived.newBuilder()
                .setEnvelope(Envelopes.create(id, "intake-service", null, now))
                .setUserId("U-42").setChannel(Channel.LIVE_ROOM_BUTTON).setText("主播说买一送一，赠品没收到")
                .setRoomId("R-7").setClaimedAmountFen(9_900L)
                .setContact(PersonalContact.newBuilder().setPhone("13812345678").setConsentToContact(true).build())
                .setSource("api").setEnrichment(Enrichment.newBuilder().setMissing(List.of("order")).build())
                .setReceivedAt(now).setFirstResponseDueAt(now.plus(Duration.ofMinutes(30)))
                .build();
    }

    private static KafkaProducer<String, ComplaintReceived> producer() {
        // configured by class name and properties, as services configure it
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RegistryTestSupport.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroWireSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
    }

    @Test
    void confluentPythonClientDecodesWhatOurSerializerWrote() throws Exception {
        ComplaintReceived complaint = complaint("C-interop-1");
        try (KafkaProducer<String, ComplaintReceived> producer = producer()) {
            producer.send(new ProducerRecord<>("interop-received", "C-interop-1", complaint)).get();
        }

        List<JsonNode> lines = python("consume", RegistryTestSupport.bootstrapServers(), registry.url(), "interop-received", "1");

        JsonNode value = lines.get(0).get("value");
        assertThat(lines.get(0).get("key").asText()).isEqualTo("C-interop-1");
        assertThat(value.get("text").asText()).isEqualTo("主播说买一送一，赠品没收到");
        assertThat(value.get("channel").asText()).isEqualTo("LIVE_ROOM_BUTTON");
        assertThat(value.get("envelope").get("complaintId").asText()).isEqualTo("C-interop-1");
        assertThat(value.get("claimedAmountFen").asLong()).isEqualTo(9_900L);
        assertThat(value.get("enrichment").get("missing").get(0).asText()).isEqualTo("order");
    }

    @Test
    void confluentAvroConsumerDecodesOurRecords() throws Exception {
        try (KafkaProducer<String, ComplaintReceived> producer = producer()) {
            producer.send(new ProducerRecord<>("interop-unkeyed", null, complaint("C-interop-2"))).get();
        }

        List<JsonNode> lines = python("avroconsumer", RegistryTestSupport.bootstrapServers(), registry.url(), "interop-unkeyed", "1");

        assertThat(lines.get(0).get("value").get("envelope").get("complaintId").asText()).isEqualTo("C-interop-2");
        assertThat(lines.get(0).get("value").get("userId").asText()).isEqualTo("U-42");
    }

    @Test
    void ourDeserializerReadsWhatConfluentAvroProducerWrote() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"interop\",\"fields\":["
                + "{\"name\":\"message\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\"}]}";
        python("produce", RegistryTestSupport.bootstrapServers(), registry.url(), "interop-from-python", schema,
                "{\"message\": \"你好\", \"count\": 3}");

        AvroWireDeserializer<GenericRecord> deserializer = new AvroWireDeserializer<>(new HttpSchemaRegistryClient(registry.url()), null);
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RegistryTestSupport.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "java-interop",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of("interop-from-python"));
            List<GenericRecord> read = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (read.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
            }
            assertThat(read).hasSize(1);
            assertThat(read.get(0).get("message").toString()).isEqualTo("你好");
            assertThat(read.get(0).get("count")).isEqualTo(3);
        }
    }

    private static List<JsonNode> python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("python3 %s failed (needs Debian packages python3-confluent-kafka python3-avro python3-requests):%n%s%n%s",
                        args[0], stdout, stderr)
                .isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}

package io.livecomplaints.testkit;

import io.livecomplaints.registry.SchemaRegistryApplication;
import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.schemas.compat.CompatibilityLevel;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (embedded KRaft, in this JVM) and one real schema registry (over HTTP, state in
 * {@code _schemas}) shared by every test of a JVM. Spring tests wire them in with
 * {@code @DynamicPropertySource static void kafka(DynamicPropertyRegistry r) { TestPlatform.register(r); }}.
 */
public final class TestPlatform {

    private static TestPlatform instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final SchemaRegistryApplication registry;
    private final Topics topics;
    private final Path stateDir;
    private final String jwtSecret = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
    private final AccessTokens tokens = new AccessTokens(jwtSecret);
    private final String scraperPassword = java.util.UUID.randomUUID().toString();

    private TestPlatform() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        registry = SchemaRegistryApplication.start(new SchemaRegistryApplication.Config(broker.getBrokersAsString(),
                "127.0.0.1", 0, "_schemas", (short) 1, CompatibilityLevel.BACKWARD));
        topics = new Topics(new HttpSchemaRegistryClient(registry.url()), true);
        stateDir = Files.createTempDirectory("live-complaints-test-state");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            broker.destroy();
        }, "test-platform-shutdown"));
    }

    public static synchronized TestPlatform get() {
        if (instance == null) {
            try {
                instance = new TestPlatform();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Points a Spring service at the shared broker and registry. */
    public static void register(DynamicPropertyRegistry registry) {
        TestPlatform platform = get();
        registry.add("spring.kafka.bootstrap-servers", platform::bootstrapServers);
        registry.add("complaints.schema-registry.url", platform::registryUrl);
        registry.add("complaints.state-dir", () -> platform.stateDir.toString());
        registry.add("complaints.topics.partitions", () -> "2");
        registry.add("complaints.security.jwt-secret", platform::jwtSecret);
        registry.add("complaints.security.scraper.password", () -> platform.scraperPassword);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** The secret services verify bearer tokens with (random per test JVM). */
    public String jwtSecret() {
        return jwtSecret;
    }

    /** Mints bearer tokens the services accept. */
    /** The metrics scraper's password (user {@code prometheus}) the services under test accept. */
    public String scraperPassword() {
        return scraperPassword;
    }

    /** The Authorization header value of the metrics scraper (Prometheus) for the services under test. */
    public String scraperAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("prometheus:" + scraperPassword)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public AccessTokens tokens() {
        return tokens;
    }

    public String registryUrl() {
        return registry.url();
    }

    public Topics topics() {
        return topics;
    }

    /** A reader of a topic from its beginning, committed records only. */
    public <V> TopicReader<V> reader(Topic<String, V> topic) {
        return new TopicReader<>(bootstrapServers(), topic);
    }

    /** A writer to a topic, for upstream events and poison records. */
    public <V> TopicWriter<V> writer(Topic<String, V> topic) {
        return new TopicWriter<>(bootstrapServers(), topic);
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }
}

package io.livecomplaints.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.platform.security.KafkaAcls;
import io.livecomplaints.schemas.kafka.KafkaClientSecurity;
import io.livecomplaints.schemas.serde.InMemorySchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ACLs generated from the Topics registry (deploy/kafka/acls.sh) on a real KRaft broker with SASL/SCRAM-SHA-512
 * and the StandardAuthorizer, as docker-compose.yml runs it: each service's principal produces what it writes and
 * consumes its inputs, is refused anything else, a wrong password is refused; and the real schema registry and the
 * five services run on it, each with its own principal, and a complaint flows through the whole chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSecurityIT {

    private static final Topics TOPICS = new Topics(new InMemorySchemaRegistryClient(), false);
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();
    private static LocalCluster cluster;

    @BeforeAll
    static void securedBroker() throws Exception {
        PASSWORDS.put(KafkaAcls.ADMIN, UUID.randomUUID().toString());
        KafkaAcls.principals().forEach(p -> PASSWORDS.put(p, UUID.randomUUID().toString()));
        Path target = Path.of(System.getProperty("services.dir", "target/services")).toAbsolutePath().getParent();
        cluster = LocalCluster.in(target, Files.createTempDirectory("kafka-security")).startSecuredBroker(PASSWORDS);
        try (Admin admin = Admin.create(as(KafkaAcls.ADMIN, Map.of()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<String, ?> topic : TOPICS.all()) {
                topics.add(new NewTopic(topic.name(), 1, (short) 1));
                topics.add(new NewTopic(topic.deadLetterTopic(), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
            admin.createAcls(KafkaAcls.bindings(TOPICS)).all().get();
            // the controller has committed them; wait until the broker's authorizer (which answers DescribeAcls) has too
            int expected = new java.util.HashSet<>(KafkaAcls.bindings(TOPICS)).size();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get().size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the ACLs within 60 s");
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aServiceWritesItsTopicAndReadsItsInputs() throws Exception {
        String key = "S-" + UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> upstream = producer(Parties.UPSTREAM, Map.of())) {
            upstream.send(record("complaint-submissions", key)).get();
        }
        assertThat(consumeOne(Parties.INTAKE, "complaint-submissions", key)).isTrue();
        try (KafkaProducer<byte[], byte[]> intake = producer(Parties.INTAKE, Map.of())) {
            intake.send(record("complaints-received", key)).get();
        }
        // exactly once: transactional ids under the service's prefix
        try (KafkaProducer<byte[], byte[]> intake = producer(Parties.INTAKE,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Parties.INTAKE + "-it-" + UUID.randomUUID()))) {
            intake.initTransactions();
            intake.beginTransaction();
            intake.send(record("complaints-received-dlt", key));
            intake.commitTransaction();
        }
        assertThat(consumeOne(Parties.TRIAGE, "complaints-received", key)).as("the next service reads it").isTrue();
    }

    @Test
    @Order(2)
    void aServiceIsRefusedTopicsAndGroupsItDoesNotOwn() throws Exception {
        try (KafkaProducer<byte[], byte[]> intake = producer(Parties.INTAKE, Map.of())) {
            assertThat(failure(() -> intake.send(record("complaints-triaged", "k")).get())).isInstanceOf(TopicAuthorizationException.class);
            assertThat(failure(() -> intake.send(record("complaint-submissions", "k")).get()))
                    .as("an input is read, never written").isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<byte[], byte[]> upstream = producer(Parties.UPSTREAM, Map.of())) {
            assertThat(failure(() -> upstream.send(record("complaints-received", "k")).get())).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<byte[], byte[]> intake = consumer(Parties.INTAKE, Parties.INTAKE)) {
            intake.subscribe(List.of("complaint-outcomes"));
            assertThat(failure(() -> intake.poll(Duration.ofSeconds(10)))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<byte[], byte[]> intake = consumer(Parties.INTAKE, Parties.TRIAGE)) {
            intake.subscribe(List.of("complaint-submissions"));
            assertThat(failure(() -> intake.poll(Duration.ofSeconds(10)))).as("another service's group")
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaProducer<byte[], byte[]> intake = producer(Parties.INTAKE,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Parties.TRIAGE + "-stolen"))) {
            assertThat(failure(intake::initTransactions)).as("another service's transactional id")
                    .isInstanceOf(org.apache.kafka.common.errors.TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = KafkaClientSecurity.scram(Parties.INTAKE, "not-the-password")
                .applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        try (Admin admin = Admin.create(config)) {
            assertThat(failure(() -> admin.describeCluster().clusterId().get())).isInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThat(failure(() -> admin.describeCluster().clusterId().get())).as("PLAINTEXT without credentials").isNotNull();
        }
    }

    @Test
    @Order(4)
    void theRegistryAndEveryServiceRunWithTheirOwnPrincipalsAndAComplaintFlowsThroughTheChain() throws Exception {
        cluster.startRegistry(credentials(KafkaAcls.SCHEMA_REGISTRY));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        for (String service : KafkaAcls.SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(credentials(service));
            env.put("COMPLAINTS_TOPICS_CREATE", "false");
            services.put(service, cluster.startService(service, env));
        }
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(services.get(Parties.INTAKE).url() + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + cluster.tokens().user("U-sasl-1"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"APP_CHAT\",\"text\":\"快递丢件了，物流一直显示派送中\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        // each hop, read as the principal of a service that consumes it
        assertThat(consumeOne(Parties.NOTIFICATION, "complaints-received", id)).as("intake → complaints-received").isTrue();
        assertThat(consumeOne(Parties.RESOLUTION, "complaints-triaged", id)).as("triage → complaints-triaged").isTrue();
        assertThat(consumeOne(Parties.ANALYTICS, "complaint-cases", id)).as("resolution → complaint-cases").isTrue();
        assertThat(consumeOne(Parties.ANALYTICS, "notifications", id)).as("notification → notifications").isTrue();
        // an upstream submission while the services run: intake's stream turns it into a complaint
        String submission = "SUB-" + UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> upstream = producer(Parties.UPSTREAM, Map.of())) {
            upstream.send(record("complaint-submissions", submission)).get();
        }
        for (ServiceProcess service : services.values()) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url() + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service.url() + " still ready: " + health.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void theLagExporterReadsLagWithItsOwnDescribeOnlyPrincipal() throws Exception {
        // a group of intake's with a committed offset behind the end of its topic
        try (KafkaProducer<byte[], byte[]> upstream = producer(Parties.UPSTREAM, Map.of())) {
            upstream.send(record("complaint-submissions", "LAG-" + UUID.randomUUID())).get();
        }
        org.apache.kafka.common.TopicPartition submissions = new org.apache.kafka.common.TopicPartition("complaint-submissions", 0);
        try (KafkaConsumer<byte[], byte[]> intake = consumer(Parties.INTAKE, Parties.INTAKE + "-lagprobe")) {
            intake.assign(List.of(submissions));
            intake.commitSync(Map.of(submissions, new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
        }
        Map<String, String> env = new LinkedHashMap<>(Map.of("COMPLAINTS_LAG_EXPORTER_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "COMPLAINTS_LAG_EXPORTER_USERNAME", KafkaAcls.LAG_EXPORTER,
                "COMPLAINTS_LAG_EXPORTER_PASSWORD", PASSWORDS.get(KafkaAcls.LAG_EXPORTER),
                "COMPLAINTS_LAG_EXPORTER_INTERVAL", "2s"));
        ServiceProcess exporter = cluster.startLagExporter(env, List.of());
        java.util.regex.Pattern lag = java.util.regex.Pattern.compile("kafka_consumergroup_lag\\{[^}]*group=\"" + Parties.INTAKE
                + "-lagprobe\",topic=\"complaint-submissions\"[^}]*} ([0-9.]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String reading = null;
        do {
            Thread.sleep(1000);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url() + "/actuator/prometheus"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher found = lag.matcher(metrics);
            reading = found.find() ? found.group(1) : null;
        } while (reading == null && System.nanoTime() < deadline);
        assertThat(reading).as("the exporter's reading of the group's lag").isNotNull();
        assertThat(Double.parseDouble(reading)).isGreaterThanOrEqualTo(1.0);
        // DESCRIBE only: it reads no record and writes none
        try (KafkaConsumer<byte[], byte[]> exporterConsumer = consumer(KafkaAcls.LAG_EXPORTER, Parties.INTAKE + "-lagprobe")) {
            exporterConsumer.subscribe(List.of("complaint-submissions"));
            assertThat(failure(() -> exporterConsumer.poll(Duration.ofSeconds(10)))).isInstanceOf(GroupAuthorizationException.class);
        }
        // not idempotent: an idempotent producer would already be refused the cluster's IDEMPOTENT_WRITE
        try (KafkaProducer<byte[], byte[]> exporterProducer = producer(KafkaAcls.LAG_EXPORTER,
                Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false))) {
            assertThat(failure(() -> exporterProducer.send(record("complaint-submissions", "k")).get()))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Map<String, String> credentials(String principal) {
        return Map.of(KafkaClientSecurity.PROTOCOL_ENV, "SASL_PLAINTEXT", KafkaClientSecurity.MECHANISM_ENV, "SCRAM-SHA-512",
                KafkaClientSecurity.USERNAME_ENV, principal, KafkaClientSecurity.PASSWORD_ENV, PASSWORDS.get(principal));
    }

    private static Map<String, Object> as(String principal, Map<String, Object> config) {
        Map<String, Object> all = new LinkedHashMap<>(config);
        all.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return KafkaClientSecurity.scram(principal, PASSWORDS.get(principal)).applyTo(all);
    }

    private static KafkaProducer<byte[], byte[]> producer(String principal, Map<String, Object> extra) {
        Map<String, Object> config = new LinkedHashMap<>(extra);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(as(principal, config), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String principal, String group) {
        return new KafkaConsumer<>(as(principal, Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the topic as the principal, in its own group, until a record with the key shows up. */
    private static boolean consumeOne(String principal, String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(principal, principal + "-it-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8));
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The exception the call failed with, unwrapped from ExecutionException/KafkaException wrappers. */
    private static Throwable failure(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            Throwable t = e;
            while ((t instanceof java.util.concurrent.ExecutionException || t.getClass() == org.apache.kafka.common.KafkaException.class)
                    && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }
        return fail("expected the call to be refused");
    }
}

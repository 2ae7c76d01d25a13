package io.livecomplaints.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the service under test, in the test's JVM, on the shared {@link TestPlatform}: the same
 * application id as the first (so the two split the partitions), its own state directory and a random port. Tests of
 * forwarding, gathering and failover start one next to the Spring test context, and close it to make it leave.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts {@code application} on the shared platform, with {@code serviceProperties} (the service's own test settings)
     * on top.
     */
    public static SecondInstance start(Class<?> application, Map<String, String> serviceProperties) throws IOException {
        TestPlatform platform = TestPlatform.get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", platform.bootstrapServers());
        properties.put("complaints.schema-registry.url", platform.registryUrl());
        properties.put("complaints.security.jwt-secret", platform.jwtSecret());
        properties.put("complaints.security.scraper.password", platform.scraperPassword());
        properties.put("complaints.topics.partitions", "2");
        properties.put("complaints.state-dir", Files.createTempDirectory(application.getSimpleName() + "-second-instance").toString());
        // a task may move here before its changelog is caught up: the tests ask for it at once
        properties.put("spring.kafka.streams.properties.acceptable.recovery.lag", "1000000");
        properties.putAll(serviceProperties);
        // command-line arguments: they take precedence over the shared service defaults (default properties do not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SecondInstance(new SpringApplicationBuilder(application).run(args));
    }

    /** The port it serves HTTP on. */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Waits until {@code streams} (the first instance's, e.g. {@code factoryBean::getKafkaStreams}) is RUNNING and sees
     * two instances owning partitions of {@code store}: the second one has joined and received its share.
     *
     * @return the first instance's Kafka Streams, to ask who owns what
     */
    public static KafkaStreams awaitPartitionsSplit(Supplier<KafkaStreams> streams, String store, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams kafkaStreams = streams.get();
            if (kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING
                    && kafkaStreams.streamsMetadataForStore(store).stream().filter(m -> !m.topicPartitions().isEmpty())
                    .map(StreamsMetadata::hostInfo).distinct().count() == 2) {
                return kafkaStreams;
            }
            Thread.sleep(250); // polling the group's assignment
        }
        throw new AssertionError("the two instances did not split the partitions of " + store + " within " + patience);
    }
}

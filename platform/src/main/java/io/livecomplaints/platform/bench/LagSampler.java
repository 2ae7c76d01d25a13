package io.livecomplaints.platform.bench;

import io.livecomplaints.platform.runtime.GroupOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples every consumer group's lag once a second ({@link GroupOffsets}: committed offsets against the last stable
 * offsets of the same partitions).
 */
final class LagSampler implements AutoCloseable {

    /** A sample that takes longer is dropped (logged); the next second tries again. */
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Predicate<String> groups;
    private final List<ConsumerLag.Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private Thread thread;
    private volatile boolean running;
    private long startedNanos;

    LagSampler(String bootstrapServers, Predicate<String> groups) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-lag-sampler");
        this.admin = Admin.create(config);
        this.groups = groups;
    }

    void start() {
        startedNanos = System.nanoTime();
        running = true;
        thread = new Thread(() -> {
            long next = System.nanoTime();
            while (running) {
                try {
                    samples.add(new ConsumerLag.Sample((System.nanoTime() - startedNanos) / 1e9, sample()));
                } catch (Exception e) {
                    System.err.println("lag sample failed: " + e);
                }
                next += 1_000_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Seconds since {@link #start()} on the sampler's clock. */
    double now() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    List<ConsumerLag.Sample> stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    /** Lag of every matching group right now. */
    Map<String, Long> sample() throws Exception {
        List<String> ids = new ArrayList<>();
        admin.listConsumerGroups().all().get().forEach(g -> {
            if (groups.test(g.groupId())) {
                ids.add(g.groupId());
            }
        });
        Collections.sort(ids);
        Map<String, Long> lag = new LinkedHashMap<>();
        GroupOffsets.read(admin, ids, SAMPLE_TIMEOUT).forEach((group, partitions) -> {
            Map<TopicPartition, Long> positions = new HashMap<>();
            Map<TopicPartition, Long> end = new HashMap<>();
            partitions.forEach((tp, position) -> {
                end.put(tp, position.end());
                if (position.committed() != null) {
                    positions.put(tp, position.committed());
                }
            });
            lag.put(group, ConsumerLag.of(positions, end));
        });
        return lag;
    }

    @Override
    public void close() {
        running = false;
        admin.close();
    }
}

package io.livecomplaints.platform.bench;

import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.platform.simulator.EventPublisher;
import io.livecomplaints.platform.simulator.PipelineObserver;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The deployment every pipeline benchmark runs against: broker, registry and the services as processes on free
 * ports ({@link LocalCluster}) with the benchmark's JVM options and overrides, the upstream orders published first,
 * a filer for complaints and observers on the output topics (read_committed, in this JVM: one clock for send and
 * arrival).
 */
final class BenchCluster implements AutoCloseable {

    /** The services on the measured path; analytics (a reader of every topic, off the path) only on request. */
    static final List<String> PIPELINE = List.of("intake-service", "triage-service", "resolution-service", "notification-service");

    final LocalCluster cluster;
    final Topics topics;
    final UpstreamWorld world = new UpstreamWorld();
    final List<String> jvmOptions;
    final Map<String, String> overrides;
    final List<String> services;
    final AtomicInteger sequence = new AtomicInteger();
    ComplaintFiler filer;
    final Map<String, PipelineObserver> stages = new LinkedHashMap<>();

    private BenchCluster(LocalCluster cluster, List<String> jvmOptions, Map<String, String> overrides, List<String> services) {
        this.cluster = cluster;
        this.jvmOptions = jvmOptions;
        this.overrides = overrides;
        this.services = services;
        this.topics = new Topics(new HttpSchemaRegistryClient(cluster.registryUrl()), true);
    }

    /**
     * Starts everything. {@code overrides} are extra environment variables for every service (Spring relaxed
     * binding), e.g. Streams properties; the intake's rate limits are raised (one IP, few users: the benchmark
     * measures the pipeline, not the limits; a burst's 429s would otherwise be the limiter working).
     */
    static BenchCluster start(Path platformTarget, Path workDir, List<String> jvmOptions, Map<String, String> overrides,
                              boolean withAnalytics, int orders, int users) throws Exception {
        LocalCluster cluster = LocalCluster.in(platformTarget, workDir);
        try {
            System.out.printf("starting broker and registry under %s ...%n", workDir);
            cluster.startBroker().startRegistry();
            List<String> services = new ArrayList<>(PIPELINE);
            if (withAnalytics) {
                services.add("analytics-service");
            }
            BenchCluster bench = new BenchCluster(cluster.serviceJvmOptions(jvmOptions), jvmOptions, overrides, services);
            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : services) {
                environments.put(service, environment(service, overrides));
            }
            System.out.printf("starting %s with %s ...%n", services, jvmOptions);
            cluster.startServices(environments);
            try (EventPublisher publisher = new EventPublisher(cluster.bootstrapServers(), cluster.registryUrl())) {
                bench.world.publish(bench.topics, publisher, 20, orders, users, new Random(7), Instant.now());
            }
            bench.filer = new ComplaintFiler(bench.service("intake-service").url(), cluster.tokens(), bench.world);
            bench.filer.awaitEnrichment();
            bench.observe();
            return bench;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void observe() {
        String bootstrap = cluster.bootstrapServers();
        String registry = cluster.registryUrl();
        stages.put("triaged", PipelineObserver.anyEvent(bootstrap, topics.complaintsTriaged.name()));
        stages.put("case", PipelineObserver.anyEvent(bootstrap, topics.complaintCases.name()));
        stages.put("ack", new PipelineObserver(bootstrap, registry, topics.notifications.name(),
                (id, e) -> e instanceof NotificationReceipt r && r.getKind() == NotificationKind.ACKNOWLEDGMENT, false));
        stages.put("outcome", PipelineObserver.anyEvent(bootstrap, topics.complaintOutcomes.name()));
        stages.put("result", new PipelineObserver(bootstrap, registry, topics.notifications.name(),
                (id, e) -> e instanceof NotificationReceipt r && r.getKind() == NotificationKind.RESULT, false));
    }

    /** The service of that name started last (a stopped and restarted service has two processes). */
    ServiceProcess service(String name) {
        return cluster.services().stream().filter(s -> s.name().equals(name)).reduce((first, later) -> later).orElseThrow();
    }

    /** Stops the named services (SIGTERM, graceful): their consumer groups stop, their input piles up. */
    void stop(List<String> names) throws InterruptedException {
        for (String name : names) {
            service(name).stop();
        }
    }

    /** Starts the named services again with the environment they had, and waits until they are ready. */
    void restart(List<String> names) throws Exception {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String name : names) {
            environments.put(name, environment(name, overrides));
        }
        cluster.startServices(environments);
    }

    /**
     * Starts {@code minimal-intake} (B2's yardstick: intake's endpoint on intake's stack without intake's work) with the
     * services' JVM options and overrides, and waits until it is ready.
     */
    ServiceProcess startMinimalIntake() throws Exception {
        return cluster.startService("minimal-intake", environment("minimal-intake", overrides));
    }

    /** A filer of the same complaints (same users, tokens and bodies) to another endpoint, e.g. a restarted intake. */
    ComplaintFiler filerFor(String url) {
        return new ComplaintFiler(url, cluster.tokens(), world);
    }

    /** The benchmark's environment of a service: the overrides, and for intake its per-user and per-IP limits opened. */
    private static Map<String, String> environment(String service, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(overrides);
        if (service.equals("intake-service")) {
            env.putAll(LocalCluster.INTAKE_LIMITS_OPENED);
        }
        return env;
    }

    /** Process ids of everything on the path: broker, registry, services, and this JVM (load generator, observers). */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka broker", cluster.brokerPid());
        pids.put("schema-registry", cluster.registry().pid());
        cluster.services().stream().filter(ServiceProcess::alive).forEach(s -> pids.put(s.name(), s.pid()));
        pids.put("benchmark JVM (load, observers)", ProcessHandle.current().pid());
        return pids;
    }

    PipelineObserver.Seen seen(String stage, String complaintId) {
        return stages.get(stage).seen().get(complaintId);
    }

    /** Waits (bounded) until every complaint has reached the given stages; returns whether all did. */
    boolean awaitStages(List<String> complaintIds, List<String> stageNames, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (String stage : stageNames) {
                all &= stages.get(stage).seen().keySet().containsAll(complaintIds);
            }
            if (all) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Mean serialized value size (bytes, Confluent wire format) of up to {@code max} records of a topic. */
    double meanValueBytes(String topic, int max) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long bytes = 0;
            int count = 0;
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count < max && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && count < max) {
                        bytes += record.value().length;
                        count++;
                    }
                }
            }
            return count == 0 ? 0 : (double) bytes / count;
        }
    }

    /**
     * Sum of the end offsets of every topic (ours, internal changelogs and repartition topics): how far the logs
     * advanced, records plus transaction markers.
     */
    long totalEndOffsets() throws Exception {
        return TopicOffsets.snapshot(cluster.bootstrapServers()).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stages.values().forEach(PipelineObserver::close);
        cluster.close();
    }
}

package io.livecomplaints.platform.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.livecomplaints.platform.runtime.LocalCluster;
import io.livecomplaints.platform.runtime.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker and a stalled service looked like while the stall lasted, for finding 3 of docs/reliability.md
 * (after a broker {@code kill -9} the Streams services have sat for minutes on committed offsets that never became
 * stable, and by the time anyone looked, the services had shut down and every transaction was gone). Written to
 * {@code logs/stall-<group>-<time>.txt} beside the services' logs:
 * <ul>
 *   <li>the group: its state and members (a fenced member still registered shows here);</li>
 *   <li>its partitions whose committed offset is unstable: read once as is and once with {@code require_stable}, the
 *       partitions missing from the second answer have a transactional offset commit pending;</li>
 *   <li>every transaction the coordinator knows: state, producer id and epoch, age, partitions;</li>
 *   <li>the open transactions (producers with a current transaction start offset) on the stalled partition and on
 *       every {@code __consumer_offsets} partition;</li>
 *   <li>a thread dump of each process of the group's service ({@code jcmd Thread.print}): where its stream thread waits.</li>
 * </ul>
 * Every part is written even when another failed (the broker may still be unsteady), its error in place of it.
 */
final class StallForensics implements AutoCloseable {

    private static final String OFFSETS_TOPIC = "__consumer_offsets";
    private static final long ASK_SECONDS = 15;

    private final Admin admin;
    private final Path dir;
    private final Function<String, List<Long>> pidsOf;

    /**
     * @param dir    where the files go (the cluster's {@code logs/})
     * @param pidsOf a service's (group's) live process ids, for its thread dumps
     */
    StallForensics(String bootstrapServers, Path dir, Function<String, List<Long>> pidsOf) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        this.dir = dir;
        this.pidsOf = pidsOf;
    }

    /** For the services of {@code cluster}: files in its {@code logs/}, thread dumps of its live processes of the group's service. */
    static StallForensics of(LocalCluster cluster) {
        return new StallForensics(cluster.bootstrapServers(), cluster.workDir().resolve("logs"), group -> cluster.services().stream()
                .filter(service -> service.name().startsWith(group) && service.alive()).map(ServiceProcess::pid).toList());
    }

    /** {@link LagMonitor.LongStallListener}: captures, and says where it went. */
    void longStall(String group, TopicPartition stalled, long stalledMillis) throws IOException {
        Path file = capture(group, stalled, stalledMillis);
        System.out.printf("  %s stalled on %s for %d s: what it looked like is in %s%n", group, stalled, stalledMillis / 1000, file);
    }

    /**
     * {@link ScenarioRunner.SlowRecoveryListener}: a fault not recovered from after a while. Lag to the last stable
     * offset does not show a transaction left open on a partition (the stable offset stops there and its consumers are
     * "caught up"), so this capture looks at every partition: where the stable offset sits below the end, and which
     * producers hold transactions open there.
     */
    void slowRecovery(String fault, long seconds, Map<String, Long> lagByGroup) throws IOException {
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        out.append("recovery from ").append(fault).append(" still under way after ").append(seconds).append(" s, captured ")
                .append(now).append("\nlag per group: ").append(new java.util.TreeMap<>(lagByGroup)).append("\n\n");
        part(out, "partitions whose last stable offset is below their end, with the producers holding them open", this::heldPartitions);
        part(out, "transactions known to the coordinator", this::transactions);
        for (String group : new TreeSet<>(lagByGroup.keySet())) {
            if (lagByGroup.get(group) > 0) {
                part(out, "group " + group, () -> group(group));
                part(out, "unstable committed offsets of " + group, () -> unstableOffsets(group));
                for (long pid : pidsOf.apply(group)) {
                    part(out, "thread dump of " + group + " (pid " + pid + ")", () -> threadDump(pid));
                }
            }
        }
        Path file = dir.resolve("recovery-" + now.toString().replace(':', '-') + ".txt");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.printf("  recovery from %s still under way after %d s: what it looked like is in %s%n", fault, seconds, file);
    }

    private String heldPartitions() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(ASK_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(ASK_SECONDS, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(ASK_SECONDS, TimeUnit.SECONDS);
        var end = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(ASK_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> held = latest.keySet().stream()
                .filter(tp -> end.get(tp).offset() - stable.get(tp).offset() > 1)
                .sorted(java.util.Comparator.comparing(TopicPartition::toString)).toList();
        if (held.isEmpty()) {
            return "none\n";
        }
        StringBuilder out = new StringBuilder();
        for (TopicPartition tp : held) {
            out.append(tp).append(": stable ").append(stable.get(tp).offset()).append(", end ").append(end.get(tp).offset()).append('\n');
        }
        return out.append(openTransactionsOn(held)).toString();
    }

    /** Writes what the group, the transactions and the service look like now; returns the file. */
    Path capture(String group, TopicPartition stalled, long stalledMillis) throws IOException {
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        out.append("stall of ").append(group).append(" on ").append(stalled).append(" for ").append(stalledMillis / 1000)
                .append(" s, captured ").append(now).append("\n\n");
        part(out, "group", () -> group(group));
        part(out, "unstable committed offsets (pending transactional offset commits)", () -> unstableOffsets(group));
        part(out, "transactions known to the coordinator", this::transactions);
        part(out, "open transactions on " + stalled + " and " + OFFSETS_TOPIC, () -> openTransactions(stalled));
        for (long pid : pidsOf.apply(group)) {
            part(out, "thread dump of " + group + " (pid " + pid + ")", () -> threadDump(pid));
        }
        Path file = dir.resolve("stall-" + group + "-" + now.toString().replace(':', '-') + ".txt");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private interface Part {
        String read() throws Exception;
    }

    private static void part(StringBuilder out, String title, Part part) {
        out.append("== ").append(title).append(" ==\n");
        try {
            out.append(part.read());
        } catch (Exception e) {
            out.append("(could not be read: ").append(e).append(")\n");
        }
        out.append('\n');
    }

    private String group(String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(ASK_SECONDS, TimeUnit.SECONDS);
        StringBuilder out = new StringBuilder("state ").append(description.groupState()).append(", coordinator ")
                .append(description.coordinator()).append(", ").append(description.members().size()).append(" member(s)\n");
        for (MemberDescription member : description.members()) {
            out.append("  ").append(member.consumerId()).append(" client ").append(member.clientId()).append(" host ")
                    .append(member.host()).append(", ").append(member.assignment().topicPartitions().size()).append(" partitions\n");
        }
        return out.toString();
    }

    private String unstableOffsets(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> any = offsets(group, false);
        Map<TopicPartition, OffsetAndMetadata> stable = offsets(group, true);
        return unstable(any.keySet(), stable.keySet()) + "\n";
    }

    /** The partitions with a committed offset that the stable read left out (the admin client drops a partition whose offset is unstable). */
    static Set<String> unstable(Collection<TopicPartition> any, Collection<TopicPartition> stable) {
        Set<String> out = new TreeSet<>();
        any.stream().filter(tp -> !stable.contains(tp)).forEach(tp -> out.add(tp.toString()));
        return out;
    }

    private Map<TopicPartition, OffsetAndMetadata> offsets(String group, boolean requireStable) throws Exception {
        return admin.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()),
                        new ListConsumerGroupOffsetsOptions().requireStable(requireStable))
                .partitionsToOffsetAndMetadata(group).get(ASK_SECONDS, TimeUnit.SECONDS);
    }

    private String transactions() throws Exception {
        Collection<TransactionListing> listings = admin.listTransactions().all().get(ASK_SECONDS, TimeUnit.SECONDS);
        if (listings.isEmpty()) {
            return "none\n";
        }
        Map<String, TransactionDescription> described = admin.describeTransactions(
                listings.stream().map(TransactionListing::transactionalId).toList()).all().get(ASK_SECONDS, TimeUnit.SECONDS);
        StringBuilder out = new StringBuilder();
        long now = System.currentTimeMillis();
        new TreeSet<>(described.keySet()).forEach(id -> {
            TransactionDescription t = described.get(id);
            out.append(id).append(": ").append(t.state()).append(", producer ").append(t.producerId()).append(" epoch ")
                    .append(t.producerEpoch());
            t.transactionStartTimeMs().ifPresent(start -> out.append(", started ").append((now - start) / 1000).append(" s ago"));
            out.append(", ").append(t.topicPartitions().size()).append(" partitions");
            t.topicPartitions().stream().filter(tp -> tp.topic().equals(OFFSETS_TOPIC))
                    .forEach(tp -> out.append(" (incl. ").append(tp).append(')'));
            out.append('\n');
        });
        return out.toString();
    }

    private String openTransactions(TopicPartition stalled) throws Exception {
        int offsetPartitions = admin.describeTopics(List.of(OFFSETS_TOPIC)).allTopicNames().get(ASK_SECONDS, TimeUnit.SECONDS)
                .get(OFFSETS_TOPIC).partitions().size();
        List<TopicPartition> partitions = new ArrayList<>(List.of(stalled));
        for (int p = 0; p < offsetPartitions; p++) {
            partitions.add(new TopicPartition(OFFSETS_TOPIC, p));
        }
        String open = openTransactionsOn(partitions);
        return open.isEmpty() ? "none\n" : open;
    }

    /** The producers with a transaction open on {@code partitions}, one line each; empty when there are none. */
    private String openTransactionsOn(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, DescribeProducersResult.PartitionProducerState> states = admin.describeProducers(partitions).all()
                .get(ASK_SECONDS, TimeUnit.SECONDS);
        StringBuilder out = new StringBuilder();
        long now = System.currentTimeMillis();
        for (TopicPartition tp : partitions) {
            DescribeProducersResult.PartitionProducerState state = states.get(tp);
            if (state == null) {
                continue;
            }
            for (ProducerState producer : state.activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent()) {
                    out.append(tp).append(": producer ").append(producer.producerId()).append(" epoch ").append(producer.producerEpoch())
                            .append(", open since offset ").append(producer.currentTransactionStartOffset().getAsLong())
                            .append(", last write ").append((now - producer.lastTimestamp()) / 1000).append(" s ago\n");
                }
            }
        }
        return out.toString();
    }

    private static String threadDump(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "(jcmd did not answer within 30 s)\n";
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(3));
    }
}

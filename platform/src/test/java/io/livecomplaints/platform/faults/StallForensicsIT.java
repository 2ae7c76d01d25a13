package io.livecomplaints.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group stalls behind a transaction left open with its offsets in it (what finding 3's services sat behind): the
 * lag monitor tells the forensics once, and the file shows the unstable offset, the open transaction on both the
 * partition and {@code __consumer_offsets}, and a thread dump. A slow recovery's capture finds a partition that an open
 * transaction holds although no lag shows it. Real broker, real admin requests, real jcmd.
 */
class StallForensicsIT {

    @TempDir
    Path logs;

    @Test
    void aStallBehindAnOpenTransactionIsCapturedWithItsUnstableOffsetTheTransactionAndAThreadDump() throws Exception {
        String bootstrap = TestPlatform.get().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "stall-forensics-" + run;
        String group = "stall-group-" + run;
        TopicPartition partition = new TopicPartition(topic, 0);
        // the group read nothing yet: committed 0 of 5, a stable offset
        topicWithRecords(bootstrap, partition, 5, group, 0);

        try (KafkaProducer<String, String> stuck = producer(bootstrap, "stall-forensics-" + run)) {
            stuck.initTransactions();
            stuck.beginTransaction();
            stuck.send(new ProducerRecord<>(topic, "open", "never committed")).get(30, TimeUnit.SECONDS);
            stuck.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(3)), new ConsumerGroupMetadata(group));

            CompletableFuture<Path> captured = new CompletableFuture<>();
            AtomicInteger told = new AtomicInteger();
            try (StallForensics forensics = new StallForensics(bootstrap, logs, g -> List.of(ProcessHandle.current().pid()));
                 LagMonitor monitor = new LagMonitor(bootstrap, List.of(group)).onLongStall(Duration.ofSeconds(2),
                         (g, tp, millis) -> {
                             told.incrementAndGet();
                             captured.complete(forensics.capture(g, tp, millis));
                         })) {
                Path file = captured.get(60, TimeUnit.SECONDS);
                String text = Files.readString(file);

                assertThat(file.getFileName().toString()).startsWith("stall-" + group + "-");
                assertThat(text).startsWith("stall of " + group + " on " + partition);
                assertThat(section(text, "group")).contains("state Empty").contains("0 member(s)");
                assertThat(section(text, "unstable committed offsets")).contains(partition.toString());
                assertThat(section(text, "transactions known to the coordinator"))
                        .contains("stall-forensics-" + run + ": Ongoing").contains("incl. __consumer_offsets-");
                assertThat(section(text, "open transactions on"))
                        .contains(partition + ": producer ").contains("open since offset 5")
                        .containsPattern("__consumer_offsets-\\d+: producer ");
                assertThat(section(text, "thread dump of " + group)).contains("Full thread dump");
                assertThat(told).as("told once per group").hasValue(1);
            }
            stuck.abortTransaction();
        }
    }

    @Test
    void aSlowRecoveryCaptureShowsThePartitionAnOpenTransactionHoldsAndItsProducer() throws Exception {
        String bootstrap = TestPlatform.get().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "slow-recovery-" + run;
        String group = "slow-recovery-group-" + run;
        TopicPartition partition = new TopicPartition(topic, 0);
        topicWithRecords(bootstrap, partition, 3, group, 3);

        // lag to the stable offset is 0 here: the group is "caught up" although two records wait behind the transaction
        try (KafkaProducer<String, String> holding = producer(bootstrap, "slow-recovery-" + run)) {
            holding.initTransactions();
            holding.beginTransaction();
            holding.send(new ProducerRecord<>(topic, "a", "held")).get(30, TimeUnit.SECONDS);
            holding.send(new ProducerRecord<>(topic, "b", "held")).get(30, TimeUnit.SECONDS);

            try (StallForensics forensics = new StallForensics(bootstrap, logs, g -> List.of(ProcessHandle.current().pid()))) {
                forensics.slowRecovery("broker kill -9 + restart at 67%", 31, Map.of(group, 120L, "idle-group", 0L));
            }
            Path file;
            try (var files = Files.list(logs)) {
                file = files.filter(f -> f.getFileName().toString().startsWith("recovery-")).findFirst().orElseThrow();
            }
            String text = Files.readString(file);

            assertThat(text).startsWith("recovery from broker kill -9 + restart at 67% still under way after 31 s")
                    .contains("lag per group: {" + "idle-group=0, " + group + "=120}");
            assertThat(section(text, "partitions whose last stable offset is below their end"))
                    .contains(partition + ": stable 3, end 5")
                    .containsPattern(java.util.regex.Pattern.quote(partition.toString()) + ": producer \\d+ epoch \\d+, open since offset 3");
            assertThat(section(text, "transactions known to the coordinator")).contains("slow-recovery-" + run + ": Ongoing");
            assertThat(section(text, "group " + group)).contains("state Empty");
            assertThat(section(text, "thread dump of " + group)).contains("Full thread dump");
            assertThat(text).as("a group with nothing behind is left out").doesNotContain("== group idle-group");
            holding.abortTransaction();
        }
    }

    @Test
    void partitionsLeftOutOfTheStableReadAreTheUnstableOnes() {
        TopicPartition a = new TopicPartition("t", 0);
        TopicPartition b = new TopicPartition("t", 1);
        assertThat(StallForensics.unstable(List.of(a, b), List.of(a))).containsExactly("t-1");
        assertThat(StallForensics.unstable(List.of(a, b), List.of(a, b))).isEmpty();
    }

    /** A one-partition topic with {@code records} plain (non-transactional) records and the group's offset committed at {@code committed}. */
    private static void topicWithRecords(String bootstrap, TopicPartition partition, int records, String group, long committed)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(partition.topic(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> plain = producer(bootstrap, null)) {
                for (int i = 0; i < records; i++) {
                    plain.send(new ProducerRecord<>(partition.topic(), "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(committed))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The text of one "== title ==" part, up to the next. */
    private static String section(String text, String titleStart) {
        int start = text.indexOf("== " + titleStart);
        assertThat(start).as("part '%s' in%n%s", titleStart, text).isNotNegative();
        int end = text.indexOf("\n== ", start + 3);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    private static KafkaProducer<String, String> producer(String bootstrap, String transactionalId) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }
}

package io.livecomplaints.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintSubmission;
import io.livecomplaints.events.Demand;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.TopicNames;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * bin/dlt through the real path: intake (its runnable jar, a process of its own, on the real broker and registry)
 * dead-letters a hotline submission whose text is longer than complaints.intake.validation.text-max-chars; after the
 * limit is raised and intake restarted, replaying it makes exactly one complaint of it, and a second replay writes
 * nothing. list and show report it with its service and reason.
 */
class DeadLetterReplayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String LONG_TEXT = "直播间买的羽绒服掉毛严重，客服一直不回复。".repeat(110); // 2,310 characters
    private static ServiceProcess intake;

    @AfterAll
    static void stopIntake() throws InterruptedException {
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void aDeadLetterRejectedByALimitIsReplayedOnceAfterTheLimitIsRaised() throws Exception {
        TestPlatform platform = TestPlatform.get();
        Topics topics = platform.topics();
        Path workDir = Files.createTempDirectory("dlt-replay");
        String submissionId = "dlt-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = platform.bootstrapServers();

        intake = startIntake(workDir, Map.of());
        try (TopicWriter<ComplaintSubmission> writer = platform.writer(topics.complaintSubmissions);
             TopicReader<ComplaintSubmission> deadLetters = TopicReader.deadLetters(bootstrap, topics.complaintSubmissions)) {
            writer.send(submissionId, ComplaintSubmission.newBuilder()
                    .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, Instant.now()))
                    .setSubmissionId(submissionId).setSourceSystem("hotline").setUserId("U-" + submissionId)
                    .setChannel(Channel.HOTLINE).setText(LONG_TEXT).setDemands(List.of(Demand.REFUND)).build());
            var dead = deadLetters.await(r -> submissionId.equals(r.key()), TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.SERVICE)).isEqualTo("intake-service");
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).contains("text");
        }

        String listed = dlt("list", "--topic", TopicNames.COMPLAINT_SUBMISSIONS, "--bootstrap", bootstrap);
        assertThat(listed).containsPattern("complaint-submissions-dlt\tintake-service\tprocessing\t[^\n]*text[^\n]*\t\\d+\t");
        String shown = dlt("show", "--topic", "complaint-submissions-dlt", "--reason", "text", "--bootstrap", bootstrap);
        assertThat(shown).contains("key=" + submissionId, "dlt-service: intake-service", "dlt-source-topic: complaint-submissions");

        // the fix: a longer text is fine after all; intake restarts with the new limit
        intake.stop();
        intake = startIntake(workDir, Map.of("COMPLAINTS_INTAKE_VALIDATION_TEXT_MAX_CHARS", "5000"));

        try (TopicReader<ComplaintReceived> received = platform.reader(topics.complaintsReceived);
             TopicReader<ComplaintSubmission> submissions = platform.reader(topics.complaintSubmissions)) {
            String first = dlt("replay", "--topic", "complaint-submissions", "--reason", "text", "--bootstrap", bootstrap);
            assertThat(first).contains("replayed 1,");
            ComplaintReceived complaint = received.await(r -> r.value() != null
                    && submissionId.equals(r.value().getIdempotencyKey()), TIMEOUT).value();
            assertThat(complaint.getText()).isEqualTo(LONG_TEXT);

            String second = dlt("replay", "--topic", "complaint-submissions", "--reason", "text", "--bootstrap", bootstrap);
            assertThat(second).contains("replayed 0, already replayed 1");
            List<TopicReader.Received<ComplaintSubmission>> onSource = submissions.drain(Duration.ofSeconds(5)).stream()
                    .filter(r -> submissionId.equals(r.key())).toList();
            assertThat(onSource).as("the original and one replay").hasSize(2);
            assertThat(onSource.get(1).headers()).containsKey(DeadLetterReplayer.REPLAYED_FROM)
                    .doesNotContainKey(DeadLetterHeaderNames.REASON);
            assertThat(received.drain(Duration.ofSeconds(5)).stream().filter(r -> r.value() != null
                    && submissionId.equals(r.value().getIdempotencyKey()))).as("one complaint").hasSize(1);
        }
    }

    @Test
    void aTopicOtherServicesAlsoConsumeIsReplayedOnlyWhenAskedTo() throws Exception {
        // complaints-received is read by triage, notification and analytics: a dead letter of one of them put back
        // would reach the others again; this group stands for such another consumer
        TestPlatform platform = TestPlatform.get();
        String topic = "dlt-guard-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = platform.bootstrapServers();
        java.util.Properties client = new java.util.Properties();
        client.put("bootstrap.servers", bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(client);
             var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
                     new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1),
                    new org.apache.kafka.clients.admin.NewTopic(topic + "-dlt", 1, (short) 1))).all().get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "k", "v")).get();
            var dead = new org.apache.kafka.clients.producer.ProducerRecord<>(topic + "-dlt", "k", "v");
            dead.headers().add(DeadLetterHeaderNames.SERVICE, "failing-service".getBytes(StandardCharsets.UTF_8));
            dead.headers().add(DeadLetterHeaderNames.SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
            admin.alterConsumerGroupOffsets("other-service", Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(1))).all().get();
        }
        assertThatThrownBy(() -> dlt("replay", "--topic", topic, "--bootstrap", bootstrap))
                .hasMessageContaining("also consumed by [other-service]");
        assertThat(dlt("replay", "--topic", topic, "--all-consumers", "--bootstrap", bootstrap)).contains("replayed 1,");
        assertThat(dlt("replay", "--topic", topic, "--all-consumers", "--bootstrap", bootstrap)).contains("replayed 0, already replayed 1");
    }

    private static ServiceProcess startIntake(Path workDir, Map<String, String> extra) throws Exception {
        TestPlatform platform = TestPlatform.get();
        Map<String, String> env = new java.util.HashMap<>(Map.of("COMPLAINTS_SECURITY_JWT_SECRET", platform.jwtSecret(),
                "COMPLAINTS_TOPICS_PARTITIONS", "2"));
        env.putAll(extra);
        Path servicesDir = Path.of(System.getProperty("services.dir", "target/services"));
        ServiceProcess process = ServiceProcess.springService("intake-service", servicesDir, ServiceProcess.freePort(),
                platform.bootstrapServers(), platform.registryUrl(), workDir, env).start();
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    private static String dlt(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(DeadLetterTool.run(args, out)).isZero();
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println("dlt " + String.join(" ", args) + "\n" + output);
        return output;
    }
}

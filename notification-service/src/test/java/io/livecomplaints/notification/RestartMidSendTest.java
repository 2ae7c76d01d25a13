package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The service's stream thread dies after the SMS gateway accepted a message and before the Kafka transaction
 * committed, and is replaced: the uncommitted work is redone, the gateway gets the same idempotency key again and drops it, and the
 * user gets one SMS, one in-app message and one receipt each.
 */
class RestartMidSendTest extends ServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void aCrashBetweenTheProvidersAnswerAndTheCommitDuplicatesNothing() throws Exception {
        String id = "C-crash";
        ComplaintReceived complaint = Events.received(id, "U-crash", "zh-CN", Events.contact("13566667777", null, true), Instant.now());
        CrashSwitch.ARMED_FOR.set(id);
        write(topics.complaintsReceived, id, complaint);

        // The stream thread dies after the gateway accepted and before the commit. The service replaces the thread
        // (service-support's StreamsLifecycle), which aborts the transaction and redoes the uncommitted work.
        double replacedBefore = replacements();
        awaitReplacement(replacedBefore);

        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            receipts.await(r -> is(r, id, NotificationChannel.SMS, DeliveryStatus.SENT), TIMEOUT);
            receipts.await(r -> is(r, id, NotificationChannel.IN_APP, DeliveryStatus.SENT), TIMEOUT);
            List<TopicReader.Received<NotificationReceipt>> all = receipts.drain(Duration.ofSeconds(3));

            assertThat(all).filteredOn(r -> is(r, id, NotificationChannel.SMS, DeliveryStatus.SENT)).hasSize(1);
            assertThat(all).filteredOn(r -> is(r, id, NotificationChannel.IN_APP, DeliveryStatus.SENT)).hasSize(1);
        }
        String key = id + ":ACKNOWLEDGMENT:SMS"; // once per complaint
        assertThat(SMS.requestsFor(id)).as("the send was repeated after the restart").hasSizeGreaterThanOrEqualTo(2)
                .extracting(FakeProvider.Received::idempotencyKey).containsOnly(key);
        assertThat(SMS.deliveredFor(id)).as("what reached the phone").hasSize(1);
        awaitInbox("U-crash");
        assertThat(get("/api/v1/inbox/U-crash", TestPlatform.get().tokens().user("U-crash")).body()).contains("\"total\":1");
    }

    private static boolean is(TopicReader.Received<NotificationReceipt> r, String id, NotificationChannel channel, DeliveryStatus status) {
        return r.value() != null && id.equals(r.key()) && r.value().getChannel() == channel && r.value().getStatus() == status;
    }

    private static double replacements() {
        var counter = Metrics.globalRegistry.find("complaints.streams.thread.replacements").counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitReplacement(double before) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (replacements() > before) {
                return;
            }
            Thread.sleep(100); // polling a counter, not waiting for a timer
        }
        throw new AssertionError("no stream thread was replaced; streams state " + streams.getKafkaStreams().state()
                + "; sms requests " + SMS.requestsFor("C-crash") + "; armed " + CrashSwitch.ARMED_FOR.get());
    }

    private void awaitInbox(String user) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/api/v1/inbox/" + user, TestPlatform.get().tokens().user(user)).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("inbox of " + user + " never readable");
    }
}

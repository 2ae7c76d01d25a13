package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.DeliveryStatus;
import io.livecomplaints.events.NotificationChannel;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider that is down holds messages durably; when it is back everything goes out exactly once; a refusal ends in the DLT. */
class ProviderOutageTest extends ServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void whileTheSmsGatewayIsDownMessagesWaitAndOnceItIsUpEachIsDeliveredExactlyOnce() {
        List<ComplaintReceived> complaints = new ArrayList<>();
        SMS.down();
        try (TopicReader<NotificationReceipt> receipts = receipts()) {
            for (int i = 0; i < 6; i++) {
                ComplaintReceived complaint = Events.received("C-outage-" + i, "U-outage-" + i, "zh-CN",
                        Events.contact("1391234000" + i, null, true), Instant.now());
                complaints.add(complaint);
                write(topics.complaintsReceived, "C-outage-" + i, complaint);
            }
            for (ComplaintReceived complaint : complaints) {
                String id = complaint.getEnvelope().getComplaintId();
                receipts.await(r -> sms(r, id, DeliveryStatus.DEFERRED), TIMEOUT);
            }
            int requestsWhileDown = SMS.requests().size();
            assertThat(complaints).allSatisfy(c -> assertThat(SMS.deliveredFor(c.getEnvelope().getComplaintId())).isEmpty());

            SMS.up();
            for (ComplaintReceived complaint : complaints) {
                String id = complaint.getEnvelope().getComplaintId();
                receipts.await(r -> sms(r, id, DeliveryStatus.SENT), TIMEOUT);
            }
            List<TopicReader.Received<NotificationReceipt>> all = receipts.drain(Duration.ofSeconds(2));

            assertThat(requestsWhileDown).isPositive();
            for (ComplaintReceived complaint : complaints) {
                String id = complaint.getEnvelope().getComplaintId();
                assertThat(SMS.deliveredFor(id)).as("delivered to the phone of %s", id).hasSize(1);
                assertThat(SMS.requestsFor(id)).extracting(FakeProvider.Received::idempotencyKey)
                        .containsOnly(id + ":ACKNOWLEDGMENT:SMS"); // once per complaint
                assertThat(all).filteredOn(r -> sms(r, id, DeliveryStatus.SENT)).as("SENT receipts of %s", id).hasSize(1);
                assertThat(all).filteredOn(r -> sms(r, id, DeliveryStatus.DEFERRED)).hasSize(1);
                assertThat(all).filteredOn(r -> sms(r, id, DeliveryStatus.FAILED)).isEmpty();
            }
        } finally {
            SMS.up();
        }
    }

    @Test
    void aMessageTheProviderRefusesForGoodEndsInNotificationsDltWithTheReason() {
        EMAIL.refuse("bounce@example.com");
        ComplaintReceived complaint = Events.received("C-refused", "U-refused", "en", Events.contact(null, "bounce@example.com", true), Instant.now());
        write(topics.complaintsReceived, "C-refused", complaint);

        try (TopicReader<NotificationReceipt> receipts = receipts();
             TopicReader<NotificationReceipt> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.notifications)) {
            NotificationReceipt failed = receipts.await(r -> r.value() != null && "C-refused".equals(r.key())
                    && r.value().getChannel() == NotificationChannel.EMAIL && r.value().getStatus() == DeliveryStatus.FAILED, TIMEOUT).value();
            assertThat(failed.getError()).contains("rejected by the provider").contains("HTTP 400");
            assertThat(failed.getRecipientMasked()).isEqualTo("b***@example.com");

            TopicReader.Received<NotificationReceipt> dead = deadLetters.await(r -> "C-refused".equals(r.key()), TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).contains("HTTP 400").contains(":ACKNOWLEDGMENT:EMAIL");
            assertThat(dead.headers().get(DeadLetterHeaderNames.SOURCE_TOPIC)).isEqualTo("complaints-received");
            assertThat(dead.headers().get(DeadLetterHeaderNames.SERVICE)).isEqualTo("notification-service");
        }
        assertThat(EMAIL.requestsFor("C-refused")).hasSize(1);
    }

    private static boolean sms(TopicReader.Received<NotificationReceipt> r, String complaintId, DeliveryStatus status) {
        NotificationReceipt v = r.value();
        return v != null && complaintId.equals(r.key()) && v.getKind() == NotificationKind.ACKNOWLEDGMENT
                && v.getChannel() == NotificationChannel.SMS && v.getStatus() == status;
    }
}

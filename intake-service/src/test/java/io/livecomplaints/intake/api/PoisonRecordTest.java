package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Records intake cannot decode on the topics it mirrors (written by upstream systems or by mistake) are skipped:
 * the global stores keep what they had and go on with the next records, and intake keeps filing complaints.
 */
class PoisonRecordTest extends IntakeApiTestSupport {

    private static final byte[] POISON = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void undecodableUpstreamRecordsAreSkippedAndTheStoresKeepFlowing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String user = newUser();
        OrderEvent order = UpstreamEvents.order("O-p-" + run, user, null, null, "IN_TRANSIT");
        try (TopicWriter<OrderEvent> orders = TestPlatform.get().writer(topics.commerceOrders);
             TopicWriter<LiveSessionEvent> sessions = TestPlatform.get().writer(topics.liveSessions);
             TopicWriter<ComplaintCase> cases = TestPlatform.get().writer(topics.complaintCases);
             TopicWriter<ComplaintReceived> received = TestPlatform.get().writer(topics.complaintsReceived)) {
            orders.send(order.getOrderId(), order);
            orders.sendRaw(order.getOrderId(), POISON); // a broken update of a known order
            orders.sendRaw("O-poison-" + run, POISON);
            sessions.sendRaw("S-poison-" + run, POISON);
            cases.sendRaw("C-poison-" + run, POISON);
            received.sendRaw("C-poison-" + run, POISON);
            OrderEvent after = UpstreamEvents.order("O-after-" + run, user, null, null, "DELIVERED");
            orders.send(after.getOrderId(), after);
        }

        await().atMost(EVENT_TIMEOUT)
                .ignoreException(io.livecomplaints.intake.kafka.IntakeQueries.StoreUnavailableException.class) // answered 503 while a rebalance moves stores
                .until(() -> queries.order("O-after-" + run) != null);
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(queries.order(order.getOrderId())).as("kept, not deleted").isEqualTo(order);
        assertThat(post(userToken(user), "{\"channel\":\"ORDER_PAGE\",\"text\":\"没收到\",\"orderId\":\"O-after-" + run + "\"}").statusCode())
                .isEqualTo(202);
    }
}

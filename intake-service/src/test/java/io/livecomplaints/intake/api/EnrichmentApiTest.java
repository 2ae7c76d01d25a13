package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.LiveSessionEventKind;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enrichment from real upstream events on the embedded broker: the user types the text and the order id (or only
 * the room, on the live-room button); merchant, anchor, session, SKU, amount, logistics and promises are attached.
 */
class EnrichmentApiTest extends IntakeApiTestSupport {

    private static TopicReader<ComplaintReceived> received;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void openReader() {
        received = TestPlatform.get().reader(TestPlatform.get().topics().complaintsReceived);
    }

    @AfterAll
    static void closeReader() {
        received.close();
    }

    private ComplaintReceived event(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = complaintId(response);
        return received.await(r -> id.equals(r.key()), EVENT_TIMEOUT).value();
    }

    private void publish(OrderEvent order) {
        try (TopicWriter<OrderEvent> writer = TestPlatform.get().writer(topics.commerceOrders)) {
            writer.send(order.getOrderId(), order);
        }
        await().atMost(EVENT_TIMEOUT)
                .ignoreException(io.livecomplaints.intake.kafka.IntakeQueries.StoreUnavailableException.class) // answered 503 while a rebalance moves stores
                .until(() -> queries.order(order.getOrderId()) != null);
    }

    private void publish(LiveSessionEvent... sessions) {
        try (TopicWriter<LiveSessionEvent> writer = TestPlatform.get().writer(topics.liveSessions)) {
            for (LiveSessionEvent session : sessions) {
                writer.send(session.getSessionId(), session);
            }
        }
        LiveSessionEvent last = sessions[sessions.length - 1];
        await().atMost(EVENT_TIMEOUT)
                .ignoreException(io.livecomplaints.intake.kafka.IntakeQueries.StoreUnavailableException.class) // answered 503 while a rebalance moves stores
                .until(() -> last.equals(queries.session(last.getSessionId())));
    }

    @Test
    void aUserWhoseOrderSaysTheyAreVipFilesAsVipWithTheirOwnToken() throws Exception {
        String vip = newUser();
        String regular = newUser();
        publish(OrderEvent.newBuilder(UpstreamEvents.order("O-vip-" + run, vip, null, "R-" + run, "IN_TRANSIT")).setBuyerVip(true).build());
        publish(UpstreamEvents.order("O-reg-" + run, regular, null, "R-" + run, "IN_TRANSIT"));

        ComplaintReceived raised = event(post(userToken(vip), "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递三天没动\",\"orderId\":\"O-vip-" + run + "\"}"));
        ComplaintReceived plain = event(post(userToken(regular), "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递三天没动\",\"orderId\":\"O-reg-" + run + "\"}"));
        // someone else naming the VIP's order is not a VIP (the order is not theirs, so it is not attached either)
        ComplaintReceived other = event(post(userToken(regular), "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递三天没动\",\"orderId\":\"O-vip-" + run + "\"}"));

        assertThat(raised.getVip()).isTrue();
        assertThat(raised.getEnrichment().getOrderFound()).isTrue();
        assertThat(plain.getVip()).isFalse();
        assertThat(other.getVip()).isFalse();
        assertThat(other.getEnrichment().getOrderFound()).isFalse();
    }

    @Test
    void anOrderComplaintCarriesTheOrderAndItsSession() throws Exception {
        String user = newUser();
        String sessionId = "S-" + run;
        Instant started = Instant.parse("2026-11-23T10:00:00Z");
        publish(UpstreamEvents.session(sessionId, "R-" + run, started, LiveSessionEventKind.PROMISE_ANNOUNCED, List.of("24小时内发货")));
        publish(UpstreamEvents.order("O-" + run, user, sessionId, "R-" + run, "IN_TRANSIT"));

        Enrichment e = event(post(userToken(user), "{\"channel\":\"ORDER_PAGE\",\"text\":\"说好24小时发货，三天了还没动\",\"orderId\":\"O-" + run + "\"}"))
                .getEnrichment();

        assertThat(e.getOrderFound()).isTrue();
        assertThat(e.getSessionFound()).isTrue();
        assertThat(e.getMerchantId()).isEqualTo("M-201");
        assertThat(e.getAnchorId()).isEqualTo("A-R-" + run);
        assertThat(e.getRoomId()).isEqualTo("R-" + run);
        assertThat(e.getSessionId()).isEqualTo(sessionId);
        assertThat(e.getSkuId()).isEqualTo("SKU-42");
        assertThat(e.getProductName()).isEqualTo("羊绒大衣");
        assertThat(e.getAmountPaidFen()).isEqualTo(89900L);
        assertThat(e.getOrderStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(e.getLogisticsState()).isEqualTo("IN_TRANSIT");
        assertThat(e.getSessionStartedAt()).isEqualTo(started);
        assertThat(e.getSessionPromises()).containsExactly("24小时内发货");
        assertThat(e.getMissing()).isEmpty();
    }

    @Test
    void aLiveRoomButtonWithOnlyTheRoomFindsTheRoomsLatestSessionAndItsReplay() throws Exception {
        String room = "R-" + run;
        Instant earlier = Instant.now().minus(Duration.ofHours(5));
        Instant onAir = Instant.now().minus(Duration.ofMinutes(20));
        publish(UpstreamEvents.session("S-old-" + run, room, earlier, LiveSessionEventKind.STARTED, List.of()),
                UpstreamEvents.session("S-now-" + run, room, onAir, LiveSessionEventKind.STARTED, List.of("不满意包退")),
                UpstreamEvents.session("S-old-" + run, room, earlier, LiveSessionEventKind.ENDED, List.of()));

        ComplaintReceived event = event(post(userToken(newUser()), "{\"channel\":\"LIVE_ROOM_BUTTON\",\"text\":\"画面一直卡顿\",\"roomId\":\"" + room + "\"}"));

        assertThat(event.getEnrichment().getSessionFound()).isTrue();
        assertThat(event.getEnrichment().getSessionId()).isEqualTo("S-now-" + run);
        assertThat(event.getSessionId()).isEqualTo("S-now-" + run);
        assertThat(event.getEnrichment().getAnchorId()).isEqualTo("A-" + room);
        assertThat(event.getEnrichment().getSessionPromises()).containsExactly("不满意包退");
        assertThat(event.getEnrichment().getMissing()).containsExactly("order");
        Evidence replay = event.getEvidence().get(0);
        assertThat(replay.getKind()).isEqualTo(EvidenceKind.LIVE_REPLAY);
        assertThat(replay.getUrl()).isEqualTo("https://replay.example.com/S-now-" + run);
        assertThat(replay.getReplayOffsetSeconds()).isBetween(20 * 60L, 25 * 60L);
    }

    @Test
    void missingUpstreamDataIsRecordedNeverAFailure() throws Exception {
        ComplaintReceived event = event(post(userToken(newUser()),
                "{\"channel\":\"ORDER_PAGE\",\"text\":\"没收到货\",\"orderId\":\"O-unknown-" + run + "\"}"));

        assertThat(event.getEnrichment().getOrderFound()).isFalse();
        assertThat(event.getEnrichment().getMissing()).containsExactly("order", "session");
        assertThat(event.getOrderId()).isEqualTo("O-unknown-" + run);
    }

    @Test
    void anotherUsersOrderIsNotAttached() throws Exception {
        publish(UpstreamEvents.order("O-theirs-" + run, "U-owner-" + run, null, null, null));

        ComplaintReceived event = event(post(userToken(newUser()),
                "{\"channel\":\"ORDER_PAGE\",\"text\":\"货不对板\",\"orderId\":\"O-theirs-" + run + "\"}"));

        assertThat(event.getEnrichment().getOrderFound()).isFalse();
        assertThat(event.getEnrichment().getAmountPaidFen()).isNull();
        assertThat(event.getEnrichment().getMissing()).contains("order");
    }
}

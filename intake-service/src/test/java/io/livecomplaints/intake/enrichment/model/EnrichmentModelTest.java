package io.livecomplaints.intake.enrichment.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.Channel;
import io.livecomplaints.events.Enrichment;
import io.livecomplaints.events.Evidence;
import io.livecomplaints.events.EvidenceKind;
import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.LiveSessionEventKind;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.schemas.envelope.Envelopes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichmentModelTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<String, OrderEvent> orders = new HashMap<>();
    private final Map<String, LiveSessionEvent> sessions = new HashMap<>();
    private final Map<String, LiveSessionEvent> rooms = new HashMap<>();
    private final UpstreamLookup upstream = new UpstreamLookup() {
        public Optional<OrderEvent> order(String id) {
            return Optional.ofNullable(orders.get(id));
        }

        public Optional<LiveSessionEvent> session(String id) {
            return Optional.ofNullable(sessions.get(id));
        }

        public Optional<LiveSessionEvent> latestSessionOfRoom(String roomId) {
            return Optional.ofNullable(rooms.get(roomId));
        }
    };

    private static LiveSessionEvent session(String id, String room, Instant started, LiveSessionEventKind kind, List<String> promises) {
        return LiveSessionEvent.newBuilder().setEnvelope(Envelopes.create(null, "upstream", null, started))
                .setSessionId(id).setRoomId(room).setAnchorId("A-" + room).setMerchantId("M-" + room).setKind(kind)
                .setStartedAt(started).setPromises(promises).setReplayUrl("https://replay.example.com/" + id).build();
    }

    private static OrderEvent order(String id, String user, String sessionId, String logistics) {
        return OrderEvent.newBuilder().setEnvelope(Envelopes.create(null, "upstream", null, START))
                .setOrderId(id).setUserId(user).setStatus(OrderStatus.DELIVERED).setMerchantId("M-9").setAnchorId("A-9")
                .setRoomId("R-9").setSessionId(sessionId).setSkuId("SKU-1").setProductName("面霜").setAmountPaidFen(15900)
                .setLogisticsState(logistics).setPlacedAt(START).build();
    }

    private void put(LiveSessionEvent s) {
        sessions.put(s.getSessionId(), s);
        rooms.put(s.getRoomId(), s);
    }

    @Test
    void theUsersOwnOrderAndItsSessionAreAttached() {
        put(session("S-9", "R-9", START, LiveSessionEventKind.PROMISE_ANNOUNCED, List.of("买一送一")));
        orders.put("O-1", order("O-1", "U-1", "S-9", "DELIVERED"));

        Enrichment e = Enricher.enrich(new Enricher.References("U-1", "O-1", null, null), upstream).enrichment();

        assertThat(e.getOrderFound()).isTrue();
        assertThat(e.getSessionFound()).isTrue();
        assertThat(e.getMerchantId()).isEqualTo("M-9");
        assertThat(e.getAmountPaidFen()).isEqualTo(15900L);
        assertThat(e.getOrderStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(e.getSessionStartedAt()).isEqualTo(START);
        assertThat(e.getSessionPromises()).containsExactly("买一送一");
        assertThat(e.getMissing()).isEmpty();
    }

    @Test
    void theBuyersVipLevelComesFromTheirOwnOrderOnly() {
        orders.put("O-V", OrderEvent.newBuilder(order("O-V", "U-V", null, "DELIVERED")).setBuyerVip(true).build());
        orders.put("O-N", order("O-N", "U-N", null, "DELIVERED"));

        assertThat(Enricher.enrich(new Enricher.References("U-V", "O-V", null, null), upstream).buyerVip()).isTrue();
        assertThat(Enricher.enrich(new Enricher.References("U-N", "O-N", null, null), upstream).buyerVip()).isFalse();
        // naming a VIP's order does not make someone else a VIP
        assertThat(Enricher.enrich(new Enricher.References("U-X", "O-V", null, null), upstream).buyerVip()).isFalse();
        assertThat(Enricher.enrich(new Enricher.References("U-V", null, null, null), upstream).buyerVip()).isFalse();
    }

    @Test
    void unknownOrMissingDataIsListedNotFailed() {
        Enrichment none = Enricher.enrich(new Enricher.References("U-1", null, null, null), upstream).enrichment();
        assertThat(none.getMissing()).containsExactly("order", "session");

        orders.put("O-2", order("O-2", "U-1", null, null));
        Enrichment noLogistics = Enricher.enrich(new Enricher.References("U-1", "O-2", null, null), upstream).enrichment();
        assertThat(noLogistics.getOrderFound()).isTrue();
        assertThat(noLogistics.getMissing()).containsExactly("logisticsState", "session");
    }

    @Test
    void anotherUsersOrderIsNeverAttached() {
        orders.put("O-3", order("O-3", "U-2", null, "IN_TRANSIT"));

        Enrichment e = Enricher.enrich(new Enricher.References("U-1", "O-3", null, null), upstream).enrichment();

        assertThat(e.getOrderFound()).isFalse();
        assertThat(e.getMerchantId()).isNull();
        assertThat(e.getMissing()).contains("order");
    }

    @Test
    void onlyTheRoomFindsTheRoomsLatestSessionAndKeepsTheRoomWhenNothingIsKnown() {
        put(session("S-1", "R-1", START, LiveSessionEventKind.STARTED, List.of()));

        Enrichment found = Enricher.enrich(new Enricher.References("U-1", null, "R-1", null), upstream).enrichment();
        assertThat(found.getSessionId()).isEqualTo("S-1");
        assertThat(found.getAnchorId()).isEqualTo("A-R-1");
        assertThat(found.getMerchantId()).isEqualTo("M-R-1");

        Enrichment unknown = Enricher.enrich(new Enricher.References("U-1", null, "R-404", "S-404"), upstream).enrichment();
        assertThat(unknown.getSessionFound()).isFalse();
        assertThat(unknown.getRoomId()).isEqualTo("R-404");
        assertThat(unknown.getSessionId()).isEqualTo("S-404");
    }

    @Test
    void theRoomsSessionIsTheLatestStartedOne() {
        LiveSessionEvent older = session("S-1", "R-1", START, LiveSessionEventKind.STARTED, List.of());
        LiveSessionEvent newer = session("S-2", "R-1", START.plus(Duration.ofHours(3)), LiveSessionEventKind.STARTED, List.of());

        assertThat(LatestSessionOfRoom.replaces(null, older)).isTrue();
        assertThat(LatestSessionOfRoom.replaces(older, newer)).isTrue();
        assertThat(LatestSessionOfRoom.replaces(newer, older)).as("an update of an older session").isFalse();
        assertThat(LatestSessionOfRoom.replaces(newer, session("S-2", "R-1", START.plus(Duration.ofHours(3)), LiveSessionEventKind.ENDED, List.of())))
                .isTrue();
    }

    @Test
    void aLaterSessionEventKeepsEarlierPromisesAndReplay() {
        LiveSessionEvent announced = session("S-1", "R-1", START, LiveSessionEventKind.PROMISE_ANNOUNCED, List.of("不满意包退"));
        LiveSessionEvent ended = LiveSessionEvent.newBuilder(session("S-1", "R-1", START, LiveSessionEventKind.ENDED, List.of()))
                .setReplayUrl(null).setEndedAt(START.plus(Duration.ofHours(2))).build();

        LiveSessionEvent merged = SessionUpdate.apply(announced, ended);

        assertThat(merged.getKind()).isEqualTo(LiveSessionEventKind.ENDED);
        assertThat(merged.getPromises()).containsExactly("不满意包退");
        assertThat(merged.getReplayUrl()).isEqualTo("https://replay.example.com/S-1");
        assertThat(SessionUpdate.apply(null, ended)).isEqualTo(ended);
    }

    @Test
    void aLiveComplaintPointsAtTheReplayAtItsMoment() {
        LiveSessionEvent s = session("S-1", "R-1", START, LiveSessionEventKind.STARTED, List.of());

        Evidence replay = ReplayMoment.of(Channel.LIVE_ROOM_BUTTON, null, START.plusSeconds(1325), s).orElseThrow();

        assertThat(replay.getKind()).isEqualTo(EvidenceKind.LIVE_REPLAY);
        assertThat(replay.getReplayOffsetSeconds()).isEqualTo(1325L);
        assertThat(replay.getUrl()).isEqualTo("https://replay.example.com/S-1");
        assertThat(replay.getAddedBy()).isEqualTo("intake");
        assertThat(ReplayMoment.of(Channel.ORDER_PAGE, START.plusSeconds(60), START.plusSeconds(9999), s).orElseThrow().getReplayOffsetSeconds())
                .as("the incident time wins over the time of filing").isEqualTo(60L);
    }

    @Test
    void noReplayReferenceWithoutAMomentInsideTheSession() {
        LiveSessionEvent ended = LiveSessionEvent.newBuilder(session("S-1", "R-1", START, LiveSessionEventKind.ENDED, List.of()))
                .setEndedAt(START.plus(Duration.ofHours(1))).build();

        assertThat(ReplayMoment.of(Channel.ORDER_PAGE, null, START.plusSeconds(10), ended)).as("no moment on a form channel").isEmpty();
        assertThat(ReplayMoment.of(Channel.LIVE_COMMENT, START.minusSeconds(1), START, ended)).as("before the start").isEmpty();
        assertThat(ReplayMoment.of(Channel.LIVE_COMMENT, null, START.plus(Duration.ofHours(2)), ended)).as("after the end").isEmpty();
        assertThat(ReplayMoment.of(Channel.LIVE_COMMENT, null, START, null)).isEmpty();
    }
}

package io.livecomplaints.platform.simulator;

import io.livecomplaints.events.LiveSessionEvent;
import io.livecomplaints.events.LiveSessionEventKind;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The upstream commerce systems: live sessions with their promises, orders placed in them (with their buyer's VIP
 * level), and QoS telemetry per session and CDN node, in which one session's anchor push degrades and one CDN node is overloaded.
 */
public final class UpstreamWorld {

    private static final String[][] PRODUCTS = {
            {"羊绒大衣", "89900"}, {"保湿面霜", "15900"}, {"无线耳机", "29900"}, {"保温杯", "5900"},
            {"儿童绘本套装", "9900"}, {"破壁料理机", "49900"}, {"真丝睡衣", "39900"}, {"进口奶粉", "32800"},
            {"减肥茶", "12800"}, {"蓝牙音箱", "19900"}, {"运动鞋", "45900"}, {"口红礼盒", "26900"}};
    private static final String[] LOGISTICS = {"AWAITING_PICKUP", "IN_TRANSIT", "IN_TRANSIT", "DELIVERED", "DELIVERED", "LOST"};
    private static final String[] PROMISES = {"前100名下单送保温杯", "24小时内发货", "不满意包退", "买一送一"};

    /** A live session the simulator created. */
    public record Session(String sessionId, String roomId, String anchorId, String merchantId, Instant startedAt,
                          boolean anchorPushDegraded, String cdnNode, String region) {
    }

    /** An order the simulator created; {@code buyerVip}: the user system's level of its buyer, on the order event. */
    public record Order(String orderId, String userId, Session session, String productName, long amountPaidFen, boolean buyerVip) {
    }

    /** One buyer in {@value #VIP_EVERY} is a VIP member (U-0000, U-0010, ...), on every order they place. */
    static final int VIP_EVERY = 10;

    public static boolean vipMember(int userNumber) {
        return userNumber % VIP_EVERY == 0;
    }

    private final List<Session> sessions = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    public List<Session> sessions() {
        return sessions;
    }

    public List<Order> orders() {
        return orders;
    }

    /** Publishes sessions, orders and telemetry for the last hour through the given publisher. */
    public void publish(Topics topics, EventPublisher publisher, int sessionCount, int orderCount, Random random, Instant now) {
        publish(topics, publisher, sessionCount, orderCount, 150, random, now);
    }

    /** As above, with orders placed by {@code userCount} users (benchmarks spread tens of thousands of complaints). */
    public void publish(Topics topics, EventPublisher publisher, int sessionCount, int orderCount, int userCount, Random random, Instant now) {
        Instant start = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String run = Long.toString(now.getEpochSecond(), 36);
        for (int i = 0; i < sessionCount; i++) {
            Session session = new Session("S-" + run + "-" + i, "R-" + (1001 + i), "A-" + (11 + i % 5),
                    "M-" + (201 + i % 4), start.plus(Duration.ofMinutes(i)), i == 1,
                    "cdn-" + (i % 2 == 0 ? "sh" : "gz") + "-" + (1 + i % 3), i % 2 == 0 ? "east-china" : "south-china");
            sessions.add(session);
            publisher.send(topics.liveSessions, session.sessionId(), LiveSessionEvent.newBuilder()
                    .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, session.startedAt()))
                    .setSessionId(session.sessionId()).setRoomId(session.roomId()).setAnchorId(session.anchorId())
                    .setMerchantId(session.merchantId()).setKind(LiveSessionEventKind.PROMISE_ANNOUNCED)
                    .setStartedAt(session.startedAt()).setTitle("直播专场 #" + (i + 1))
                    .setPromises(List.of(PROMISES[i % PROMISES.length]))
                    .setReplayUrl("https://replay.example.com/" + session.sessionId())
                    .build());
        }
        for (int i = 0; i < orderCount; i++) {
            Session session = sessions.get(random.nextInt(sessions.size()));
            String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            int buyer = random.nextInt(userCount);
            Order order = new Order("O-" + run + "-" + String.format("%05d", i), "U-" + String.format("%04d", buyer),
                    session, product[0], Long.parseLong(product[1]), vipMember(buyer));
            orders.add(order);
            String logistics = LOGISTICS[random.nextInt(LOGISTICS.length)];
            OrderStatus status = logistics.equals("DELIVERED") ? OrderStatus.DELIVERED
                    : logistics.equals("AWAITING_PICKUP") ? OrderStatus.PAID : OrderStatus.SHIPPED;
            Instant placed = session.startedAt().plus(Duration.ofSeconds(30L + random.nextInt(1800)));
            publisher.send(topics.commerceOrders, order.orderId(), OrderEvent.newBuilder()
                    .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, placed))
                    .setOrderId(order.orderId()).setUserId(order.userId()).setStatus(status)
                    .setMerchantId(session.merchantId()).setAnchorId(session.anchorId()).setRoomId(session.roomId())
                    .setSessionId(session.sessionId()).setSkuId("SKU-" + Math.abs(product[0].hashCode() % 10000))
                    .setProductName(order.productName()).setAmountPaidFen(order.amountPaidFen())
                    .setLogisticsState(logistics).setTrackingNo("SF" + (100000000L + random.nextInt(899999999)))
                    .setPromisedShipBy(placed.plus(Duration.ofHours(24))).setPlacedAt(placed)
                    .setBuyerVip(order.buyerVip())
                    .build());
        }
        for (Session session : sessions) {
            for (int node = 0; node < 2; node++) {
                String cdnNode = node == 0 ? session.cdnNode() : session.cdnNode() + "-b";
                boolean overloaded = session == sessions.get(0) && node == 0;
                for (Instant t = now.minus(Duration.ofMinutes(10)); t.isBefore(now); t = t.plusSeconds(30)) {
                    boolean pushBad = session.anchorPushDegraded();
                    publisher.send(topics.liveQos, session.sessionId(), QosSample.newBuilder()
                            .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, t))
                            .setSessionId(session.sessionId()).setRoomId(session.roomId()).setCdnNode(cdnNode)
                            .setRegion(session.region()).setWindowStart(t).setWindowSeconds(30)
                            .setPushBitrateKbps(pushBad ? 600 + random.nextInt(200) : 2800 + random.nextInt(400))
                            .setExpectedBitrateKbps(3000)
                            .setPushFps(pushBad ? 9 + random.nextDouble() * 3 : 29 + random.nextDouble())
                            .setStallRatio(overloaded ? 0.18 + random.nextDouble() * 0.1 : pushBad ? 0.12 : 0.005 + random.nextDouble() * 0.01)
                            .setNodeLoad(overloaded ? 0.93 + random.nextDouble() * 0.06 : 0.35 + random.nextDouble() * 0.3)
                            .setViewers(800 + random.nextInt(4000))
                            .setAvgStartupMs(overloaded ? 3500 + random.nextInt(2000) : 600 + random.nextInt(400))
                            .build());
                }
            }
        }
        publisher.flush();
    }
}

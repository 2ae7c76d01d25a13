package io.livecomplaints.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: the five services run as their own JVMs from their runnable jars against a real
 * (embedded KRaft) broker and the real registry; a complaint posted over HTTP flows through all of them, and every
 * topic's event is decoded with the real serde. Last, with everything the run logged, no service's log holds
 * personal data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Duration STAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Topics topics;
    private static Path workDir;
    private static HttpServer webhook;
    private static final List<Map<String, String>> webhookCalls = new CopyOnWriteArrayList<>();
    /** A mainland mobile number anywhere in a log line, however it is written (+86, spaces, dashes). */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])");

    @BeforeAll
    static void startServices() throws Exception {
        TestPlatform platform = TestPlatform.get();
        topics = platform.topics();
        Path servicesDir = Path.of(System.getProperty("services.dir", "target/services"));
        workDir = Files.createTempDirectory("e2e");
        // an internal subscriber of RESULT notifications: what the webhook call carries (its traceparent)
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hooks/results", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhookCalls.add(Map.of("body", body, "traceparent",
                    String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        for (String name : List.of("intake-service", "triage-service", "resolution-service", "notification-service", "analytics-service")) {
            Map<String, String> env = new LinkedHashMap<>(Map.of("COMPLAINTS_SECURITY_JWT_SECRET", platform.jwtSecret()));
            if (name.equals("notification-service")) {
                env.put("COMPLAINTS_NOTIFICATION_CHANNELS_WEBHOOKS_0_NAME", "results");
                env.put("COMPLAINTS_NOTIFICATION_CHANNELS_WEBHOOKS_0_URL",
                        "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks/results");
                env.put("COMPLAINTS_NOTIFICATION_CHANNELS_WEBHOOKS_0_KINDS_0", "RESULT");
            }
            services.put(name, ServiceProcess.springService(name, servicesDir, ServiceProcess.freePort(),
                    platform.bootstrapServers(), platform.registryUrl(), workDir, env).start());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.stop();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    private static HttpResponse<String> post(String url, String userId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestPlatform.get().tokens().user(userId)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aComplaintPostedOverHttpFlowsThroughEveryService() throws Exception {
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-1",
                "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递丢件了，物流一直显示派送中\",\"orderId\":\"O-e2e-1\",\"demands\":[\"REFUND\"]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");

        try (TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(topics.complaintCases);
             TopicReader<NotificationReceipt> notifications = TestPlatform.get().reader(topics.notifications)) {
            ComplaintReceived r = received.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(r.getChannel()).isEqualTo(Channel.ORDER_PAGE);
            assertThat(r.getUserId()).isEqualTo("U-e2e-1");

            ComplaintTriaged t = triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(t.getClassification().getPrimaryType()).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(t.getTeam()).isEqualTo("logistics");
            assertThat(t.getEnvelope().getTraceId()).isEqualTo(r.getEnvelope().getTraceId());

            ComplaintCase c = cases.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            assertThat(c.getState()).isIn(CaseState.TRIAGED, CaseState.ASSIGNED);
            assertThat(c.getTimeline()).isNotEmpty();

            NotificationReceipt ack = notifications.await(x -> id.equals(x.key())
                    && x.value().getKind() == NotificationKind.ACKNOWLEDGMENT, STAGE_TIMEOUT).value();
            assertThat(ack.getSourceEventId()).isEqualTo(r.getEnvelope().getEventId());
        }

        String stats = awaitBody(services.get("analytics-service").url() + "/api/v1/stats/types", "\"LOGISTICS\"",
                TestPlatform.get().tokens().operator("ops-1"));
        assertThat(stats).containsPattern("\"LOGISTICS\":[1-9]");
    }

    /**
     * Issue 13: the agent's view of a complaint filed through intake (upstream order and live session published first,
     * so intake enriches it): the complaint's text, demands, product, the anchor's promise and the masked contact.
     */
    @Test
    @Order(2)
    void anAgentSeesTheComplaintFiledThroughIntakeWithTheContactMasked() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        try (TopicWriter<io.livecomplaints.events.LiveSessionEvent> sessions = TestPlatform.get().writer(topics.liveSessions);
             TopicWriter<io.livecomplaints.events.OrderEvent> orders = TestPlatform.get().writer(topics.commerceOrders)) {
            sessions.send("S-e2e-13", io.livecomplaints.events.LiveSessionEvent.newBuilder()
                    .setEnvelope(io.livecomplaints.schemas.envelope.Envelopes.create(null, "upstream", null, now.minus(Duration.ofDays(3))))
                    .setSessionId("S-e2e-13").setRoomId("R-1013").setAnchorId("A-13").setMerchantId("M-13")
                    .setKind(io.livecomplaints.events.LiveSessionEventKind.PROMISE_ANNOUNCED).setStartedAt(now.minus(Duration.ofDays(3)))
                    .setTitle("冬季大衣专场").setPromises(List.of("100%羊毛", "七天无理由退货")).build());
            orders.send("O-e2e-13", io.livecomplaints.events.OrderEvent.newBuilder()
                    .setEnvelope(io.livecomplaints.schemas.envelope.Envelopes.create(null, "upstream", null, now.minus(Duration.ofDays(3))))
                    .setOrderId("O-e2e-13").setUserId("U-e2e-13").setStatus(io.livecomplaints.events.OrderStatus.DELIVERED)
                    .setMerchantId("M-13").setAnchorId("A-13").setRoomId("R-1013").setSessionId("S-e2e-13").setSkuId("SKU-COAT-899")
                    .setProductName("双面羊毛大衣").setAmountPaidFen(89_900L).setLogisticsState("DELIVERED")
                    .setPlacedAt(now.minus(Duration.ofDays(3))).build());
        }
        Thread.sleep(2000); // intake's order and session views are fed asynchronously
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-13",
                "{\"channel\":\"ORDER_PAGE\",\"orderId\":\"O-e2e-13\",\"demands\":[\"REFUND\",\"COMPENSATION\"],"
                        + "\"claimedAmountFen\":89900,\"text\":\"直播间说是100%羊毛大衣，收到后标签写着羊毛30%，质量太差，要求退货退款并赔偿\","
                        + "\"evidence\":[{\"kind\":\"PHOTO\",\"url\":\"https://img.example.com/label-30-wool.jpg\",\"description\":\"衣服标签\"}],"
                        + "\"contact\":{\"name\":\"张伟\",\"phone\":\"13812345678\",\"email\":\"zhang.wei@example.com\",\"consentToContact\":true}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");

        String supervisor = TestPlatform.get().tokens().supervisor("S-e2e", "SUPERVISOR");
        String view = awaitBody(services.get("resolution-service").url() + "/api/v1/cases/" + id, "\"complaint\":{", supervisor);
        System.out.println("ISSUE-13 GET /api/v1/cases/" + id + " → " + view);
        assertThat(view).contains("直播间说是100%羊毛大衣", "\"demands\":[\"REFUND\",\"COMPENSATION\"]", "\"productName\":\"双面羊毛大衣\"",
                "\"phone\":\"138****5678\"", "\"consent\":true",
                "\"evidence\":[{\"kind\":\"PHOTO\",\"url\":\"https://img.example.com/label-30-wool.jpg\"").doesNotContain("13812345678", "zhang.wei@", "张伟");
    }

    @Test
    @Order(3)
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheChainKeepsFlowing() throws Exception {
        try (TopicWriter<ComplaintReceived> writer = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintReceived> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintsReceived)) {
            writer.sendRaw("C-poison-1", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));

            TopicReader.Received<ComplaintReceived> dead = deadLetters.await(x -> "C-poison-1".equals(x.key())
                    && "triage-service".equals(x.headers().get(DeadLetterHeaderNames.SERVICE)), STAGE_TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).contains("not in the Confluent Avro wire format");
            assertThat(dead.headers().get(DeadLetterHeaderNames.SOURCE_TOPIC)).isEqualTo("complaints-received");
        }
        // the partition did not stall: a complaint after the poison record is still triaged
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-2",
                "{\"channel\":\"APP_CHAT\",\"text\":\"The host kept asking viewers to pay him directly outside the app\"}");
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        try (TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            assertThat(triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value().getComplaint().getLanguage()).isNotBlank();
        }
    }

    @Test
    @Order(4)
    void noServiceLogsPersonalData() throws Exception {
        List<String> secrets = List.of("13812345678", "139 1234 5678", "+86 137-1234-5678", "+8615912345678",
                "zhang.wei@example.com", "li.na@example.cn", "张伟", "李娜", "Wang Fang");
        String intake = services.get("intake-service").url() + "/api/v1/complaints";
        // in the text and in the contact fields, through the whole chain (SMS/e-mail/in-app notification included)
        HttpResponse<String> accepted = post(intake, "U-pii-1", "{\"channel\":\"ORDER_PAGE\",\"orderId\":\"O-pii-1\","
                + "\"demands\":[\"REFUND\"],\"text\":\"我是张伟，快递丢件了，请打13812345678或139 1234 5678，"
                + "也可以发邮件 zhang.wei@example.com，或联系我太太李娜 +86 137-1234-5678\","
                + "\"contact\":{\"name\":\"Wang Fang\",\"phone\":\"+8615912345678\",\"email\":\"li.na@example.cn\",\"consentToContact\":true}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        // refused requests are logged too: an invalid channel and an oversized text, both full of personal data
        assertThat(post(intake, "U-pii-2", "{\"channel\":\"13812345678\",\"text\":\"张伟 13812345678 zhang.wei@example.com\","
                + "\"contact\":{\"name\":\"李娜\",\"phone\":\"+8615912345678\"}}").statusCode()).isEqualTo(400);
        assertThat(post(intake, "U-pii-3", "{\"channel\":\"APP_CHAT\",\"text\":\"" + "李娜 13812345678 ".repeat(400) + "\"}").statusCode())
                .isIn(400, 413);
        try (TopicReader<NotificationReceipt> notifications = TestPlatform.get().reader(topics.notifications)) {
            notifications.await(x -> id.equals(x.key()) && x.value().getKind() == NotificationKind.ACKNOWLEDGMENT, STAGE_TIMEOUT);
        }
        awaitBody(services.get("analytics-service").url() + "/api/v1/stats/types", "\"LOGISTICS\"",
                TestPlatform.get().tokens().operator("ops-1"));

        List<String> leaks = new ArrayList<>();
        List<Path> logs;
        try (var files = Files.list(workDir.resolve("logs"))) {
            logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs).hasSize(services.size());
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as("%s is empty: nothing was scanned", log).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        leaks.add(log.getFileName() + ":" + (i + 1) + " holds " + secret + ": " + abbreviate(line));
                    }
                }
                Matcher mobile = MOBILE.matcher(line);
                while (mobile.find()) {
                    leaks.add(log.getFileName() + ":" + (i + 1) + " holds a mobile number " + mobile.group() + ": " + abbreviate(line));
                }
            }
        }
        assertThat(leaks).as("personal data in the services' logs").isEmpty();
    }

    @Test
    @Order(4)
    void noContactValueReachesComplaintsTriagedOrComplaintCases() throws Exception {
        List<String> contact = List.of("13698765432", "zhao.lei@example.com", "赵雷");
        HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", "U-e2e-contact",
                "{\"channel\":\"ORDER_PAGE\",\"orderId\":\"O-e2e-contact\",\"text\":\"快递丢件了，物流一直显示派送中\","
                + "\"contact\":{\"name\":\"赵雷\",\"phone\":\"13698765432\",\"email\":\"zhao.lei@example.com\",\"consentToContact\":true}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
        try (TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(topics.complaintCases)) {
            // intake keeps it for notification (and the owner) on complaints-received
            assertThat(received.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value().getContact().getPhone()).isEqualTo("13698765432");

            TopicReader.Received<ComplaintTriaged> t = triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT);
            assertThat(t.value().getComplaint().getContact()).isNull();
            assertThat(t.value().getMaskedContact().getPhone()).isEqualTo("136****5432");
            assertThat(t.value().getMaskedContact().getConsent()).isTrue();
            TopicReader.Received<ComplaintCase> c = cases.await(x -> id.equals(x.key()), STAGE_TIMEOUT);
            for (String value : contact) {
                assertThat(t.bytesContain(value)).as("complaints-triaged holds " + value).isFalse();
                assertThat(c.bytesContain(value)).as("complaint-cases holds " + value).isFalse();
            }
        }
    }

    @Test
    @Order(5)
    void anAppUserWhoseOrderSaysTheyAreVipIsRaisedInTriage() throws Exception {
        String user = "U-e2e-vip";
        String orderId = "O-e2e-vip";
        try (TopicWriter<OrderEvent> orders = TestPlatform.get().writer(topics.commerceOrders)) {
            Instant placed = Instant.now().minus(Duration.ofDays(1));
            orders.send(orderId, OrderEvent.newBuilder()
                    .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, placed))
                    .setOrderId(orderId).setUserId(user).setStatus(OrderStatus.SHIPPED).setMerchantId("M-201")
                    .setSkuId("SKU-1").setProductName("羊绒大衣").setAmountPaidFen(89900).setPlacedAt(placed)
                    .setBuyerVip(true).build());
        }
        try (TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            // filed with the user's own token; intake has the order once its upstream table caught up
            long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
            ComplaintReceived r;
            do {
                HttpResponse<String> accepted = post(services.get("intake-service").url() + "/api/v1/complaints", user,
                        "{\"channel\":\"ORDER_PAGE\",\"orderId\":\"" + orderId + "\",\"text\":\"快递三天没有物流信息\"}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String id = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
                r = received.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value();
            } while (!r.getEnrichment().getOrderFound() && System.nanoTime() < deadline && sleep(500));
            String id = r.getEnvelope().getComplaintId();
            assertThat(r.getVip()).isTrue();
            assertThat(triaged.await(x -> id.equals(x.key()), STAGE_TIMEOUT).value().getPriorityReasons())
                    .anyMatch(reason -> reason.startsWith("VIP user"));
        }
    }

    @Test
    @Order(6)
    void oneTraceFollowsAComplaintFromItsPostToTheResultNotificationAndItsWebhook() throws Exception {
        // small paid orders of well-standing users: the complaint is resolved by the express refund, no agent needed.
        // All written first, so intake has them by the time the later attempts need them.
        int attempts = 10;
        try (TopicWriter<OrderEvent> orders = TestPlatform.get().writer(topics.commerceOrders)) {
            Instant placed = Instant.now().minus(Duration.ofDays(2));
            for (int k = 0; k < attempts; k++) {
                orders.send("O-trace-" + k, OrderEvent.newBuilder()
                        .setEnvelope(Envelopes.create(null, Parties.UPSTREAM, null, placed))
                        .setOrderId("O-trace-" + k).setUserId("U-trace-" + k).setStatus(OrderStatus.DELIVERED)
                        .setMerchantId("M-301").setSkuId("SKU-7").setProductName("纯棉T恤").setAmountPaidFen(3900)
                        .setPlacedAt(placed).setBuyerVip(false).build());
            }
        }
        String traceId = null;
        String id = null;
        try (TopicReader<ComplaintReceived> received = TestPlatform.get().reader(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged);
             TopicReader<ComplaintCase> cases = TestPlatform.get().reader(topics.complaintCases);
             TopicReader<ComplaintOutcome> outcomes = TestPlatform.get().reader(topics.complaintOutcomes);
             TopicReader<NotificationReceipt> notifications = TestPlatform.get().reader(topics.notifications)) {
            TopicReader.Received<ComplaintReceived> r = null;
            for (int k = 0; k < attempts && (r == null || !r.value().getEnrichment().getOrderFound()); k++) {
                if (k > 0) {
                    Thread.sleep(500);
                }
                traceId = Envelopes.newTraceId();
                String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
                HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(
                                services.get("intake-service").url() + "/api/v1/complaints"))
                        .header("Content-Type", "application/json").header("traceparent", traceparent)
                        .header("Authorization", "Bearer " + TestPlatform.get().tokens().user("U-trace-" + k))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"ORDER_PAGE\",\"orderId\":\"O-trace-" + k
                                + "\",\"demands\":[\"REFUND\"],\"text\":\"衣服质量有问题，洗了一次就起球，要求退款\"}",
                                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String complaintId = accepted.body().replaceAll(".*\"complaintId\":\"([^\"]+)\".*", "$1");
                id = complaintId;
                r = received.await(x -> complaintId.equals(x.key()), STAGE_TIMEOUT);
            }
            assertThat(r.value().getEnrichment().getOrderFound()).as("intake never saw the orders").isTrue();
            String complaintId = id;
            Map<String, TopicReader.Received<?>> hops = new LinkedHashMap<>();
            hops.put("complaints-received", r);
            hops.put("complaints-triaged", triaged.await(x -> complaintId.equals(x.key()), STAGE_TIMEOUT));
            hops.put("complaint-cases", cases.await(x -> complaintId.equals(x.key()), STAGE_TIMEOUT));
            hops.put("complaint-outcomes", outcomes.await(x -> complaintId.equals(x.key()), STAGE_TIMEOUT));
            hops.put("notifications", notifications.await(x -> complaintId.equals(x.key())
                    && x.value().getKind() == NotificationKind.RESULT, STAGE_TIMEOUT));
            for (Map.Entry<String, TopicReader.Received<?>> hop : hops.entrySet()) {
                String header = hop.getValue().headers().get("traceparent");
                System.out.printf("trace %s: %s traceparent=%s%n", complaintId, hop.getKey(), header);
                assertThat(header).as(hop.getKey() + " traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
                assertThat(header.substring(3, 35)).as(hop.getKey() + " trace id").isEqualTo(traceId);
                assertThat(header).as(hop.getKey() + " has its own span").doesNotContain("00f067aa0ba902b7");
                assertThat(Envelopes.of(hop.getValue().value()).getTraceId()).as(hop.getKey() + " Envelope.traceId")
                        .isEqualTo(traceId);
            }
        }
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        String complaintId = id;
        while (webhookCalls.stream().noneMatch(c -> c.get("body").contains(complaintId)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, String> call = webhookCalls.stream().filter(c -> c.get("body").contains(complaintId)).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT webhook for " + complaintId));
        System.out.printf("trace %s: webhook traceparent=%s%n", complaintId, call.get("traceparent"));
        assertThat(call.get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        // the services log the trace and span ids of each hop with their lines
        String trace = traceId;
        List<String> traced = new ArrayList<>();
        for (String name : services.keySet()) {
            for (String line : Files.readAllLines(workDir.resolve("logs").resolve(name + ".log"), StandardCharsets.UTF_8)) {
                if (line.contains("," + trace + ",")) {
                    traced.add(line);
                }
            }
        }
        traced.forEach(line -> System.out.println("trace log: " + abbreviate(line)));
        assertThat(traced).anyMatch(line -> line.contains("[intake-service," + trace + ","));
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    private static String awaitBody(String url, String expected, String token) throws Exception {
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(expected)) {
                return response.body();
            }
            seen.add(response.statusCode() + " " + response.body());
            Thread.sleep(500);
        }
        throw new AssertionError("no " + expected + " from " + url + ": " + seen.subList(Math.max(0, seen.size() - 3), seen.size()));
    }
}

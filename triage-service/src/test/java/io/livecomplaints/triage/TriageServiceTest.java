package io.livecomplaints.triage;

import static io.livecomplaints.triage.pipeline.TriageFixtures.aboutSession;
import static io.livecomplaints.triage.pipeline.TriageFixtures.complaint;
import static io.livecomplaints.triage.pipeline.TriageFixtures.healthy;
import static io.livecomplaints.triage.pipeline.TriageFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CaseComplaint;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintReceived;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.IncidentKind;
import io.livecomplaints.events.PersonalContact;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.QosVerdict;
import io.livecomplaints.events.Severity;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.DeadLetterHeaderNames;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.schemas.topics.Parties;
import io.livecomplaints.testkit.SecondInstance;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import io.livecomplaints.testkit.TopicWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.livecomplaints.testkit.security.AuthMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the shared embedded broker and registry: real upstream telemetry and complaints in, triaged events
 * out (exactly once, read_committed), the APIs over HTTP with real bearer tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path CLASSIFIER_DIR = copyClassifierData();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
        registry.add("complaints.triage.classifier.location", () -> CLASSIFIER_DIR + "/");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Topics topics = TestPlatform.get().topics();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static Path copyClassifierData() {
        try {
            Path dir = Files.createTempDirectory("classifier");
            for (String file : List.of("train.jsonl", "lexicon.tsv", "funds-safety.tsv", "stopwords.txt")) {
                try (InputStream in = TriageServiceTest.class.getResourceAsStream("/classifier/" + file)) {
                    Files.copy(in, dir.resolve(file));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(port, method, path, token, body);
    }

    private HttpResponse<String> call(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode preview(String body) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/triage/preview", TestPlatform.get().tokens().operator("ops-1"), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls the preview until the global telemetry store has caught up with what was written (no sleeping on timers). */
    private void awaitTelemetry(String sessionId, String verdict) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            JsonNode diagnosis = preview("{\"text\":\"直播一直卡顿\",\"channel\":\"LIVE_ROOM_BUTTON\",\"sessionId\":\"" + sessionId + "\"}").get("diagnosis");
            seen = diagnosis.get("verdict").asString();
            if (verdict.equals(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("telemetry of " + sessionId + " never gave " + verdict + ", last " + seen);
    }

    private static void publishTelemetry(TopicWriter<QosSample> writer, String session, java.util.function.Function<Instant, QosSample> sample) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Instant t = now.minus(Duration.ofMinutes(4)); t.isBefore(now.plusSeconds(30)); t = t.plusSeconds(30)) {
            writer.send(session, sample.apply(t));
        }
    }

    private ComplaintTriaged awaitTriaged(TopicReader<ComplaintTriaged> reader, String complaintId) {
        return reader.await(r -> complaintId.equals(r.key()), TIMEOUT).value();
    }

    /** Issue 18 #3: the OpenAPI document (public) lists every mapped endpoint with the bearer scheme and problem+json answers. */
    @Test
    void theOpenApiDocumentCoversEveryMappedEndpoint() throws Exception {
        var document = io.livecomplaints.testkit.api.OpenApiContract.verify(context, port);
        assertThat(document.path("info").path("title").asText()).contains("triage-service");
    }

    /** Every triage endpoint against the role table (docs/security.md): 401 without a valid token, 403 for other roles. */
    @Test
    void everyEndpointAuthenticatesAndChecksRoles() throws Exception {
        int requests = AuthMatrix.of(context, port)
                .allow("POST /api/v1/triage/preview", AuthMatrix.Kind.OPERATOR, AuthMatrix.Kind.AGENT, AuthMatrix.Kind.SUPERVISOR)
                .allow("GET /api/v1/triage/classifier", AuthMatrix.Kind.OPERATOR, AuthMatrix.Kind.AGENT, AuthMatrix.Kind.SUPERVISOR)
                .allow("POST /api/v1/triage/classifier/reload", AuthMatrix.Kind.OPERATOR)
                .allow("GET /api/v1/triage/agents", AuthMatrix.Kind.OPERATOR, AuthMatrix.Kind.SUPERVISOR)
                .bodyNames("POST /api/v1/triage/preview", "userId", "the complainant of the previewed complaint (their credit record), not the caller")
                .verify();
        assertThat(requests).isGreaterThan(0);
    }

    @Test
    void streamComplaintsAreDiagnosedFromLiveTelemetryAndGroupedByCause() throws Exception {
        String push = "S-push-" + run;
        String hotA = "S-hot-a-" + run;
        String hotB = "S-hot-b-" + run;
        String fine = "S-fine-" + run;
        String hotNode = "cdn-hot-" + run;
        try (TopicWriter<QosSample> qos = TestPlatform.get().writer(topics.liveQos);
             TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            publishTelemetry(qos, push, t -> sample(push, "cdn-p-" + run, t, 650, 11, 0.12, 0.5));
            publishTelemetry(qos, hotA, t -> sample(hotA, hotNode, t, 2900, 29.5, 0.2, 0.95));
            publishTelemetry(qos, hotB, t -> sample(hotB, hotNode, t, 2950, 30, 0.25, 0.96));
            publishTelemetry(qos, fine, t -> healthy(fine, "cdn-f-" + run, t));
            awaitTelemetry(fine, "VIEWER_SIDE");
            awaitTelemetry(hotB, "CDN_NODE_OVERLOADED");

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, ComplaintReceived> sent = Map.of(
                    "C-push-" + run, aboutSession("C-push-" + run, "直播一直卡，画面糊成一团", push, now),
                    "C-hot-a-" + run, aboutSession("C-hot-a-" + run, "直播间一直转圈加载不出来", hotA, now),
                    "C-hot-b-" + run, aboutSession("C-hot-b-" + run, "The live stream keeps buffering and freezing", hotB, now),
                    "C-fine-" + run, aboutSession("C-fine-" + run, "直播画面一卡一卡的", fine, now));
            sent.forEach(complaints::send);

            ComplaintTriaged pushed = awaitTriaged(triaged, "C-push-" + run);
            ComplaintTriaged hotAt = awaitTriaged(triaged, "C-hot-a-" + run);
            ComplaintTriaged hotBt = awaitTriaged(triaged, "C-hot-b-" + run);
            ComplaintTriaged viewer = awaitTriaged(triaged, "C-fine-" + run);

            assertThat(pushed.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.ANCHOR_PUSH_DEGRADED);
            assertThat(pushed.getTeam()).isEqualTo("tech-support");
            assertThat(pushed.getAssignedAgentId()).isIn("TS-01", "TS-02");
            assertThat(pushed.getIncident().getKind()).isEqualTo(IncidentKind.QOS);

            assertThat(hotAt.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.CDN_NODE_OVERLOADED);
            assertThat(hotBt.getDiagnosis().getCdnNode()).isEqualTo(hotNode);
            assertThat(hotBt.getIncident().getIncidentId()).isEqualTo(hotAt.getIncident().getIncidentId());
            assertThat(List.of(hotAt.getIncident().getSize(), hotBt.getIncident().getSize())).containsExactlyInAnyOrder(1, 2);

            assertThat(viewer.getDiagnosis().getVerdict()).isEqualTo(QosVerdict.VIEWER_SIDE);
            assertThat(viewer.getAutoReply()).isTrue();
            assertThat(viewer.getDiagnosis().getAdvice()).contains("网络");
            assertThat(viewer.getAssignedAgentId()).isNull();
            assertThat(viewer.getEnvelope().getTraceId()).isEqualTo(sent.get("C-fine-" + run).getEnvelope().getTraceId());
            assertThat(viewer.getEnvelope().getProducer()).isEqualTo(Parties.TRIAGE);
        }
    }

    @Test
    void moneyTakenWithoutAnOrderIsFundsSafetyOverServiceAndTheTriagedRecordCarriesOnlyTheMaskedContact() throws Exception {
        String id = "C-funds-" + run;
        try (TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            complaints.send(id, ComplaintReceived.newBuilder(complaint(id, "钱扣了订单没生成，客服也不理人，问了三次都没回复", Instant.now()))
                    .setContact(PersonalContact.newBuilder().setName("王小明").setPhone("13812345678")
                            .setEmail("xiaoming.wang@example.com").setConsentToContact(true).build())
                    .build());

            TopicReader.Received<ComplaintTriaged> record = triaged.await(r -> id.equals(r.key()), TIMEOUT);
            ComplaintTriaged result = record.value();
            assertThat(result.getClassification().getPrimaryType()).isEqualTo(ComplaintType.FUNDS_SAFETY);
            assertThat(result.getClassification().getSecondaryTypes()).contains(ComplaintType.SERVICE);
            assertThat(result.getClassification().getSignals().get(0)).startsWith("rule:funds-safety(");
            assertThat(result.getTeam()).isEqualTo("funds-risk");
            assertThat(result.getPriorityReasons()).anyMatch(r -> r.contains("funds-safety first"));

            assertThat(result.getComplaint().getContact()).isNull();
            assertThat(result.getMaskedContact().getPhone()).isEqualTo("138****5678");
            assertThat(result.getMaskedContact().getEmail()).isEqualTo("x***@example.com");
            assertThat(result.getMaskedContact().getName()).isEqualTo("王**");
            assertThat(result.getMaskedContact().getConsent()).isTrue();
            for (String personal : List.of("13812345678", "xiaoming.wang@example.com", "王小明")) {
                assertThat(record.bytesContain(personal)).as("complaints-triaged bytes contain " + personal).isFalse();
            }
        }
    }

    @Test
    void anAppUserWhomIntakeFoundToBeVipIsRaised() throws Exception {
        String vip = "C-vip-" + run;
        String regular = "C-regular-" + run;
        try (TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            // filed over the API with a user token (source api); intake set vip from the buyer's level on their order
            complaints.send(vip, ComplaintReceived.newBuilder(complaint(vip, "快递三天没有物流信息", Instant.now())).setSource("api").setVip(true).build());
            complaints.send(regular, ComplaintReceived.newBuilder(complaint(regular, "快递三天没有物流信息", Instant.now())).setSource("api").build());

            ComplaintTriaged raised = awaitTriaged(triaged, vip);
            ComplaintTriaged plain = awaitTriaged(triaged, regular);
            assertThat(raised.getPriorityReasons()).contains("VIP user +10");
            assertThat(plain.getPriorityReasons()).noneMatch(r -> r.startsWith("VIP"));
            assertThat(raised.getPriority()).isEqualTo(plain.getPriority() + 10);
        }
    }

    @Test
    void agentsLoadGrowsWithAssignmentsAndShrinksWhenTheirCasesClose() throws Exception {
        String id = "C-load-" + run;
        try (TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
             TopicWriter<ComplaintCase> cases = TestPlatform.get().writer(topics.complaintCases);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            complaints.send(id, ComplaintReceived.newBuilder(complaint(id, "账号被盗，有人用我的余额在直播间下单", Instant.now()))
                    .setUserId("U-load-" + run).build());
            ComplaintTriaged t = awaitTriaged(triaged, id);
            assertThat(t.getClassification().getPrimaryType()).isEqualTo(ComplaintType.FUNDS_SAFETY);
            assertThat(t.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(t.getTeam()).isEqualTo("funds-risk");
            String agent = t.getAssignedAgentId();
            assertThat(agent).isIn("FR-01", "FR-02");
            long loaded = awaitLoad(agent, n -> n >= 1);

            cases.send(id, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(id, Parties.RESOLUTION, null, Instant.now()))
                    .setState(CaseState.RESOLVED).setVersion(3).setUserId("U-load-" + run).setChannel(Channel.APP_CHAT)
                    .setType(ComplaintType.FUNDS_SAFETY).setSeverity(Severity.HIGH).setPriority(100).setTeam("funds-risk")
                    .setAssigneeId(agent).setReceivedAt(Instant.now()).setFirstResponseDueAt(Instant.now()).build());
            awaitLoad(agent, n -> n == loaded - 1);
        }
    }

    @Test
    void aCaseTransferredToAnotherTeamFreesItsFormerAssigneesSlot() throws Exception {
        String id = "C-transfer-" + run;
        try (TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
             TopicWriter<ComplaintCase> cases = TestPlatform.get().writer(topics.complaintCases);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            complaints.send(id, ComplaintReceived.newBuilder(complaint(id, "账号被盗，有人用我的余额在直播间下单了三单", Instant.now()))
                    .setUserId("U-transfer-" + run).build());
            ComplaintTriaged t = awaitTriaged(triaged, id);
            String agent = t.getAssignedAgentId();
            assertThat(t.getTeam()).isEqualTo("funds-risk");
            long loaded = awaitLoad(agent, n -> n >= 1);

            // resolution-service's case after an agent transferred it: unassigned in logistics, left funds-risk
            cases.send(id, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(id, Parties.RESOLUTION, null, Instant.now()))
                    .setState(CaseState.TRIAGED).setVersion(3).setUserId("U-transfer-" + run).setChannel(Channel.APP_CHAT)
                    .setType(ComplaintType.FUNDS_SAFETY).setSeverity(Severity.HIGH).setPriority(100).setTeam("logistics")
                    .setTransferredFrom("funds-risk").setAssigneeId(null).setReceivedAt(Instant.now())
                    .setFirstResponseDueAt(Instant.now()).build());
            awaitLoad(agent, n -> n == loaded - 1);
        }
    }

    @Test
    void aReloadLearnsFromCasesAgentsReclassified() throws Exception {
        String id = "C-relabel-" + run;
        String text = "直播间买的羽绒服，快递三周没动静 " + run;
        try (TopicWriter<ComplaintCase> cases = TestPlatform.get().writer(topics.complaintCases)) {
            cases.send(id, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(id, Parties.RESOLUTION, null, Instant.now()))
                    .setState(CaseState.IN_PROGRESS).setVersion(4).setUserId("U-relabel").setChannel(Channel.APP_CHAT)
                    .setType(ComplaintType.LOGISTICS).setSeverity(Severity.MEDIUM).setPriority(40).setTeam("logistics")
                    .setReceivedAt(Instant.now()).setFirstResponseDueAt(Instant.now())
                    .setComplaint(CaseComplaint.newBuilder().setText(text).build())
                    .setCorrections(List.of(CaseCorrection.newBuilder().setKind(CorrectionKind.RECLASSIFY).setFrom("PRODUCT_QUALITY")
                            .setTo("LOGISTICS").setReason("快递问题").setActorId("A-1").setAt(Instant.now()).build()))
                    .build());
        }
        String operator = TestPlatform.get().tokens().operator("ops-relabel");
        JsonNode before = JSON.readTree(call("GET", "/api/v1/triage/classifier", operator, null).body());
        HttpResponse<String> reloaded = call("POST", "/api/v1/triage/classifier/reload", operator, null);
        System.out.println("POST /api/v1/triage/classifier/reload → " + reloaded.statusCode() + " " + reloaded.body());
        assertThat(reloaded.statusCode()).isEqualTo(200);
        JsonNode after = JSON.readTree(reloaded.body());
        assertThat(after.get("correctedExamples").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("trainingExamples").asLong()).isGreaterThan(before.get("trainingExamples").asLong() - before.get("correctedExamples").asLong());
        assertThat(after.get("modelVersion").asString()).contains("corrections");
    }

    /**
     * Two instances on one application id: a classifier reload asked of one reaches the other (triage-control), and the
     * agents' load, partitioned by team, reads the same from either.
     */
    @Test
    void aReloadOnOneInstanceReachesEveryInstanceAndEitherShowsTheSameAgentsLoad() throws Exception {
        String operator = TestPlatform.get().tokens().operator("ops-two");
        String supervisor = TestPlatform.get().tokens().supervisor("SUP-two", "SUPERVISOR");
        String term = "quorblix";
        Path lexicon = CLASSIFIER_DIR.resolve("lexicon.tsv");
        String original = Files.readString(lexicon);
        try (SecondInstance second = SecondInstance.start(TriageApplication.class,
                Map.of("complaints.triage.classifier.location", CLASSIFIER_DIR + "/"))) {
            int secondPort = second.port();
            String preview = "{\"text\":\"" + term + "\",\"channel\":\"APP_CHAT\"}";
            assertThat(call(secondPort, "POST", "/api/v1/triage/preview", operator, preview).body()).doesNotContain("lexicon:" + term);

            Files.writeString(lexicon, original + "PRICE\t9.0\t" + term + "\n");
            HttpResponse<String> reloaded = call("POST", "/api/v1/triage/classifier/reload", operator, null);
            assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
            String version = JSON.readTree(reloaded.body()).get("modelVersion").asString();
            // the other instance reloads from the control topic: same model, same classification
            awaitOn(secondPort, "/api/v1/triage/classifier", operator, body -> body.contains("\"modelVersion\":\"" + version + "\""));
            HttpResponse<String> there = call(secondPort, "POST", "/api/v1/triage/preview", operator, preview);
            assertThat(JSON.readTree(there.body()).get("classification").get("primaryType").asString()).isEqualTo("PRICE");
            assertThat(there.body()).contains("lexicon:" + term);

            // a complaint assigned on whichever instance owns its team: both show the agent's load the same
            String id = "C-two-load-" + run;
            String agent;
            try (TopicWriter<ComplaintReceived> complaints = TestPlatform.get().writer(topics.complaintsReceived);
                 TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
                complaints.send(id, ComplaintReceived.newBuilder(complaint(id, "账号被盗，有人用我的余额在直播间下单", Instant.now()))
                        .setUserId("U-two-load-" + run).build());
                agent = awaitTriaged(triaged, id).getAssignedAgentId();
            }
            String fromSecond = awaitOn(secondPort, "/api/v1/triage/agents", supervisor, body -> loadOf(body, agent) >= 1);
            String fromFirst = awaitOn(port, "/api/v1/triage/agents", supervisor, body -> body.equals(fromSecond));
            assertThat(fromFirst).isEqualTo(fromSecond);
        } finally {
            Files.writeString(lexicon, original);
            call("POST", "/api/v1/triage/classifier/reload", operator, null);
        }
        // the second instance left: this one answers for every team again
        awaitOn(port, "/api/v1/triage/agents", supervisor, body -> true);
    }

    /** Polls an eventually consistent read until it satisfies {@code done}; 503 with Retry-After is the only other answer. */
    private String awaitOn(int port, String path, String token, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = call(port, "GET", path, token, null);
            assertThat(last.statusCode()).as(last.body()).isIn(200, 503);
            if (last.statusCode() == 200 && done.test(last.body())) {
                return last.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(":" + port + path + " never answered as expected: " + (last == null ? null : last.statusCode() + " " + last.body()));
    }

    private static long loadOf(String agentsJson, String agent) {
        for (JsonNode a : JSON.readTree(agentsJson)) {
            if (a.get("id").asString().equals(agent)) {
                return a.get("openCases").asLong();
            }
        }
        return -1;
    }

    private long awaitLoad(String agent, Predicate<Long> expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long openCases = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = call("GET", "/api/v1/triage/agents", TestPlatform.get().tokens().supervisor("SUP-1", "SUPERVISOR"), null);
            assertThat(response.statusCode()).isEqualTo(200);
            for (JsonNode a : JSON.readTree(response.body())) {
                if (a.get("id").asString().equals(agent)) {
                    openCases = a.get("openCases").asLong();
                }
            }
            if (expected.test(openCases)) {
                return openCases;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("load of " + agent + " stayed " + openCases);
    }

    @Test
    void previewShowsTheDecisionWithItsSignalsAndReasons() throws Exception {
        JsonNode result = preview("{\"text\":\"同一笔订单重复扣款两次，气死了！！\",\"channel\":\"SOCIAL_MEDIA\",\"amountFen\":89900}");

        assertThat(result.get("classification").get("primaryType").asString()).isEqualTo("FUNDS_SAFETY");
        assertThat(result.get("classification").get("signals").toString()).contains("lexicon:重复扣款");
        assertThat(result.get("classification").get("modelVersion").asString()).startsWith("nb-lexicon@");
        assertThat(result.get("severity").asString()).isEqualTo("HIGH");
        assertThat(result.get("priority").asInt()).isGreaterThanOrEqualTo(90);
        assertThat(result.get("priorityReasons").toString()).contains("funds-safety first", "public-opinion channel SOCIAL_MEDIA",
                "high amount ¥899.00", "strong emotion");
        assertThat(result.get("team").asString()).isEqualTo("funds-risk");
        assertThat(result.get("emitted").asBoolean()).isFalse();

        JsonNode english = preview("{\"text\":\"Where is my parcel? Tracking has not updated\",\"channel\":\"APP_CHAT\"}");
        assertThat(english.get("classification").get("primaryType").asString()).isEqualTo("LOGISTICS");
        assertThat(english.get("classification").get("language").asString()).isEqualTo("en");
        assertThat(english.get("severity").asString()).isEqualTo("LOW");
    }

    @Test
    void previewRejectsBadInputNamingEachFieldAndNeedsAnAgentOrOperator() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/v1/triage/preview", TestPlatform.get().tokens().agent("A-1", "SENIOR", "after-sales"),
                "{\"text\":\" \",\"channel\":\"FAX\",\"amountFen\":-5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(bad.body()).contains("\"field\":\"text\"", "\"field\":\"channel\"", "\"field\":\"amountFen\"");

        assertThat(call("POST", "/api/v1/triage/preview", null, "{}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/triage/preview", TestPlatform.get().tokens().user("U-1"),
                "{\"text\":\"x\",\"channel\":\"APP_CHAT\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void operatorsReloadTheClassifierFromItsFilesWithoutARestart() throws Exception {
        Path lexicon = CLASSIFIER_DIR.resolve("lexicon.tsv");
        String original = Files.readString(lexicon);
        String before = JSON.readTree(call("GET", "/api/v1/triage/classifier", TestPlatform.get().tokens().operator("ops-1"), null).body())
                .get("modelVersion").asString();
        try {
            Files.writeString(lexicon, original + "PRICE\t9.0\tzorblax\n");
            assertThat(call("POST", "/api/v1/triage/classifier/reload", TestPlatform.get().tokens().agent("A-1", "SENIOR", "after-sales"), null)
                    .statusCode()).isEqualTo(403);
            HttpResponse<String> reloaded = call("POST", "/api/v1/triage/classifier/reload", TestPlatform.get().tokens().operator("ops-1"), null);
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reloaded.body()).get("modelVersion").asString()).isNotEqualTo(before);

            JsonNode result = preview("{\"text\":\"zorblax\",\"channel\":\"APP_CHAT\"}").get("classification");
            assertThat(result.get("primaryType").asString()).isEqualTo("PRICE");
            assertThat(result.get("signals").toString()).contains("lexicon:zorblax");

            Files.writeString(lexicon, original + "PRICE\tnot-a-number\tzorblax\n");
            HttpResponse<String> broken = call("POST", "/api/v1/triage/classifier/reload", TestPlatform.get().tokens().operator("ops-1"), null);
            assertThat(broken.statusCode()).isEqualTo(422);
            assertThat(broken.body()).contains("lexicon.tsv line");
            assertThat(preview("{\"text\":\"zorblax\",\"channel\":\"APP_CHAT\"}").get("classification").get("primaryType").asString()).isEqualTo("PRICE");
        } finally {
            Files.writeString(lexicon, original);
            call("POST", "/api/v1/triage/classifier/reload", TestPlatform.get().tokens().operator("ops-1"), null);
        }
        assertThat(JSON.readTree(call("GET", "/api/v1/triage/classifier", TestPlatform.get().tokens().operator("ops-1"), null).body())
                .get("modelVersion").asString()).isEqualTo(before);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextComplaintIsStillTriaged() throws Exception {
        String poison = "C-poison-" + run;
        String next = "C-after-poison-" + run;
        try (TopicWriter<ComplaintReceived> writer = TestPlatform.get().writer(topics.complaintsReceived);
             TopicReader<ComplaintReceived> deadLetters = TopicReader.deadLetters(TestPlatform.get().bootstrapServers(), topics.complaintsReceived);
             TopicReader<ComplaintTriaged> triaged = TestPlatform.get().reader(topics.complaintsTriaged)) {
            writer.sendRaw(poison, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
            writer.send(next, complaint(next, "客服一直不回消息，留言两天没人理", Instant.now()));

            TopicReader.Received<ComplaintReceived> dead = deadLetters.await(r -> poison.equals(r.key())
                    && "triage-service".equals(r.headers().get(DeadLetterHeaderNames.SERVICE)), TIMEOUT);
            assertThat(dead.headers().get(DeadLetterHeaderNames.STAGE)).isEqualTo("deserialization");
            assertThat(dead.headers().get(DeadLetterHeaderNames.REASON)).isNotBlank();
            assertThat(awaitTriaged(triaged, next).getClassification().getPrimaryType()).isEqualTo(ComplaintType.SERVICE);
        }
    }
}

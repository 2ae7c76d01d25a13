package io.livecomplaints.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.events.CaseCorrection;
import io.livecomplaints.events.CaseState;
import io.livecomplaints.events.Channel;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintOutcome;
import io.livecomplaints.events.ComplaintType;
import io.livecomplaints.events.CorrectionKind;
import io.livecomplaints.events.LiableParty;
import io.livecomplaints.events.OrderEvent;
import io.livecomplaints.events.OrderStatus;
import io.livecomplaints.events.OutcomeResult;
import io.livecomplaints.events.QosSample;
import io.livecomplaints.events.Remedy;
import io.livecomplaints.events.RemedyDecision;
import io.livecomplaints.events.Severity;
import io.livecomplaints.events.SlaClock;
import io.livecomplaints.events.SlaEvent;
import io.livecomplaints.events.SlaEventKind;
import io.livecomplaints.events.SurveyResponse;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.schemas.envelope.Envelopes;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring stack against the five services running as processes: after traffic through the whole pipeline,
 * every metric a Grafana dashboard queries is exported by some service, and a real Prometheus (Debian's) scrapes
 * every service and the registry and answers the dashboards' queries.
 */
class MonitoringIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String PROMETHEUS = System.getProperty("prometheus.binary", "/usr/bin/prometheus");
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static Path workDir;
    private static Process prometheus;

    @BeforeAll
    static void startServicesAndSendTraffic() throws Exception {
        TestPlatform platform = TestPlatform.get();
        Path servicesDir = Path.of(System.getProperty("services.dir", "target/services"));
        workDir = Files.createTempDirectory("monitoring");
        for (String name : Deployment.SERVICES) {
            services.put(name, ServiceProcess.springService(name, servicesDir, ServiceProcess.freePort(),
                    platform.bootstrapServers(), platform.registryUrl(), workDir,
                    Map.of("COMPLAINTS_SECURITY_JWT_SECRET", platform.jwtSecret(), "COMPLAINTS_ANALYTICS_METRICS_REFRESH", "1s",
                            "COMPLAINTS_SECURITY_SCRAPER_PASSWORD", platform.scraperPassword())).start());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        traffic(platform);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        for (ServiceProcess service : services.values()) {
            service.stop();
        }
    }

    /** Complaints through the intake API, upstream events, later lifecycle events and one poison record. */
    private static void traffic(TestPlatform platform) throws Exception {
        String intake = services.get("intake-service").url() + "/api/v1/complaints";
        for (String body : List.of(
                "{\"channel\":\"ORDER_PAGE\",\"text\":\"快递丢件了，物流一直显示派送中\",\"orderId\":\"O-mon-1\"}",
                "{\"channel\":\"LIVE_ROOM_BUTTON\",\"text\":\"直播间一直卡顿黑屏\",\"roomId\":\"R-mon\",\"sessionId\":\"S-mon\"}",
                "{\"channel\":\"APP_CHAT\",\"text\":\"客服一直不回复\"}")) {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(intake))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + platform.tokens().user("U-mon"))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        Topics topics = platform.topics();
        Instant now = Instant.now();
        try (TopicWriter<QosSample> qos = platform.writer(topics.liveQos);
             TopicWriter<OrderEvent> orders = platform.writer(topics.commerceOrders);
             TopicWriter<ComplaintCase> cases = platform.writer(topics.complaintCases);
             TopicWriter<ComplaintOutcome> outcomes = platform.writer(topics.complaintOutcomes);
             TopicWriter<SlaEvent> sla = platform.writer(topics.slaEvents);
             TopicWriter<SurveyResponse> surveys = platform.writer(topics.surveyResponses);
             TopicWriter<?> received = platform.writer(topics.complaintsReceived)) {
            qos.send("S-mon", QosSample.newBuilder().setEnvelope(Envelopes.create(null, "upstream-commerce", null, now))
                    .setSessionId("S-mon").setRoomId("R-mon").setCdnNode("cdn-mon").setRegion("east-china").setWindowStart(now)
                    .setPushBitrateKbps(2900).setPushFps(30).setStallRatio(0.3).setNodeLoad(0.97).setViewers(900).build());
            orders.send("O-mon-1", OrderEvent.newBuilder().setEnvelope(Envelopes.create(null, "upstream-commerce", null, now))
                    .setOrderId("O-mon-1").setUserId("U-mon").setStatus(OrderStatus.PAID).setMerchantId("M-mon").setAnchorId("A-mon")
                    .setSkuId("SKU-mon").setProductName("保温杯").setAmountPaidFen(5900).setPlacedAt(now).build());
            String id = "C-monitoring-1";
            Instant received1 = now.minusSeconds(600);
            cases.send(id, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(id, "resolution-service", null, now))
                    .setState(CaseState.IN_PROGRESS).setVersion(2).setUserId("U-mon").setChannel(Channel.IM)
                    .setType(ComplaintType.LOGISTICS).setSeverity(Severity.MEDIUM).setPriority(40).setTeam("logistics")
                    .setReceivedAt(received1).setFirstResponseDueAt(received1.plusSeconds(1800)).setFirstRespondedAt(received1.plusSeconds(120))
                    .setReopenCount(1).build());
            outcomes.send(id, ComplaintOutcome.newBuilder().setEnvelope(Envelopes.create(id, "resolution-service", null, now))
                    .setOutcome(OutcomeResult.RESOLVED).setUserId("U-mon").setChannel(Channel.IM).setType(ComplaintType.LOGISTICS)
                    .setSeverity(Severity.MEDIUM).setTeam("logistics").setDecision(RemedyDecision.newBuilder().setRemedy(Remedy.RESHIP)
                            .setLiableParty(LiableParty.LOGISTICS).setReason("包裹丢失，补发").build())
                    .setReceivedAt(received1).setDecidedAt(now).setDecidedBy("A-mon").build());
            for (SlaEventKind kind : SlaEventKind.values()) {
                sla.send(id, SlaEvent.newBuilder().setEnvelope(Envelopes.create(id, "resolution-service", null, now)).setKind(kind)
                        .setClock(SlaClock.RESOLUTION).setDueAt(now).setFiredAt(now).setTeam("logistics").build());
            }
            // a merchant asked to answer that lets its 48 h pass (the merchant timeout panels)
            String late = "C-monitoring-2";
            cases.send(late, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(late, "resolution-service", null, now))
                    .setState(CaseState.AWAITING_MERCHANT).setVersion(3).setUserId("U-mon").setChannel(Channel.ORDER_PAGE)
                    .setType(ComplaintType.AFTER_SALES_POLICY).setSeverity(Severity.MEDIUM).setPriority(40).setTeam("after-sales")
                    .setMerchantId("M-mon").setMerchantRequestedAt(now.minusSeconds(60))
                    .setReceivedAt(received1).setFirstResponseDueAt(received1.plusSeconds(1800)).build());
            sla.send(late, SlaEvent.newBuilder().setEnvelope(Envelopes.create(late, "resolution-service", null, now))
                    .setKind(SlaEventKind.BREACHED).setClock(SlaClock.MERCHANT_RESPONSE).setDueAt(now).setFiredAt(now)
                    .setTeam("after-sales").build());
            // a misrouted, misclassified case the user then withdrew (the corrections and withdrawal panels)
            String corrected = "C-monitoring-3";
            cases.send(corrected, ComplaintCase.newBuilder().setEnvelope(Envelopes.create(corrected, "resolution-service", null, now))
                    .setState(CaseState.CLOSED).setVersion(4).setUserId("U-mon").setChannel(Channel.APP_CHAT)
                    .setType(ComplaintType.LOGISTICS).setSeverity(Severity.LOW).setPriority(20).setTeam("logistics")
                    .setTransferredFrom("after-sales").setWithdrawn(true)
                    .setCorrections(List.of(
                            CaseCorrection.newBuilder().setKind(CorrectionKind.TRANSFER).setFrom("after-sales").setTo("logistics")
                                    .setReason("快递问题，转物流组").setActorId("A-mon").setAt(now.minusSeconds(30)).build(),
                            CaseCorrection.newBuilder().setKind(CorrectionKind.RECLASSIFY).setFrom("SERVICE").setTo("LOGISTICS")
                                    .setReason("用户说的是物流").setActorId("A-mon").setAt(now.minusSeconds(20)).build()))
                    .setReceivedAt(received1).setFirstResponseDueAt(received1.plusSeconds(1800)).build());
            surveys.send(id, SurveyResponse.newBuilder().setEnvelope(Envelopes.create(id, "notification-service", null, now))
                    .setUserId("U-mon").setScore(4).build());
            received.sendRaw("C-monitoring-poison", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String scrape(String baseUrl) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .header("Authorization", TestPlatform.get().scraperAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Set<String> exportedMetricNames() {
        Set<String> names = new TreeSet<>();
        List<String> urls = new ArrayList<>(services.values().stream().map(ServiceProcess::url).toList());
        urls.add(TestPlatform.get().registryUrl());
        for (String url : urls) {
            scrape(url).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    @Test
    void everyMetricTheDashboardsQueryIsExportedByARunningService() throws Exception {
        Set<String> queried = Deployment.dashboardQueries().stream().flatMap(q -> Deployment.metricNames(q).stream())
                .filter(name -> !name.equals("up")) // written by Prometheus itself for every target
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(queried).hasSizeGreaterThan(20);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<String> missing = queried;
        while (System.nanoTime() < deadline) {
            Set<String> exported = exportedMetricNames();
            missing = queried.stream().filter(name -> !exported.contains(name)).collect(Collectors.toCollection(TreeSet::new));
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(1000); // polling the services' scrape endpoints
        }
        assertThat(missing).as("metrics queried by a dashboard but exported by no service").isEmpty();
    }

    @Test
    void aRealPrometheusScrapesEveryServiceAndAnswersTheDashboardsQueries() throws Exception {
        assertThat(Path.of(PROMETHEUS)).as("Debian's prometheus (bin/test installs it)").exists();
        int port = ServiceProcess.freePort();
        Path passwordFile = workDir.resolve("scraper-password");
        Files.writeString(passwordFile, TestPlatform.get().scraperPassword());
        // the services' metrics need the scraper's credential (docs/security.md), as in deploy/prometheus/prometheus.yml
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\nscrape_configs:\n"
                + "  - job_name: live-complaints\n    metrics_path: /actuator/prometheus\n"
                + "    basic_auth:\n      username: prometheus\n      password_file: " + passwordFile + "\n"
                + "    static_configs:\n      - targets:\n");
        for (ServiceProcess service : services.values()) {
            config.append("          - ").append(service.url().replace("http://", "")).append('\n');
        }
        config.append("  - job_name: schema-registry\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets:\n")
                .append("          - ").append(URI.create(TestPlatform.get().registryUrl()).getAuthority()).append('\n');
        Path configFile = workDir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + configFile, "--storage.tsdb.path=" + workDir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";

        JsonNode up = awaitQuery(api, "up", result -> result.size() == services.size() + 1
                && Deployment.streamOf(result).allMatch(r -> r.path("value").get(1).asText().equals("1")));
        assertThat(Deployment.streamOf(up).map(r -> r.path("metric").path("job").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("live-complaints", "schema-registry");

        JsonNode complaints = awaitQuery(api, "sum(complaints_analytics_complaints_total)",
                result -> result.size() == 1 && result.get(0).path("value").get(1).asDouble() >= 3);
        assertThat(complaints.get(0).path("value").get(1).asDouble()).isGreaterThanOrEqualTo(3);
        JsonNode hops = awaitQuery(api, "sum by (topic, application) (complaints_event_hop_latency_seconds_count)",
                result -> Deployment.streamOf(result).anyMatch(r -> r.path("metric").path("topic").asText().equals("complaints-triaged")));
        assertThat(Deployment.streamOf(hops).map(r -> r.path("metric").path("application").asText()).collect(Collectors.toSet()))
                .contains("resolution-service", "analytics-service");
    }

    private static JsonNode awaitQuery(String api, String query, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode result = json.readTree(response.body()).path("data").path("result");
                    if (condition.test(result)) {
                        return result;
                    }
                }
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(500); // polling Prometheus' API
        }
        throw new AssertionError("Prometheus gave no satisfying answer to " + query + " within " + PATIENCE + ": " + last
                + "\n(log: " + workDir.resolve("prometheus.log") + ")");
    }
}

package io.livecomplaints.platform.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.events.ComplaintCase;
import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.events.NotificationKind;
import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.schemas.serde.HttpSchemaRegistryClient;
import io.livecomplaints.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Simulates the platform around the complaint system: upstream commerce systems publish live sessions, orders and
 * QoS telemetry; users file complaints through the intake API on every channel; then it reports what the pipeline
 * did with each complaint. Exits 1 if any accepted complaint did not reach every stage in time.
 */
public final class Simulator {

    private static final String[] FORM_CHANNELS = {"ORDER_PAGE", "ORDER_PAGE", "APP_CHAT", "IM", "HOTLINE", "SOCIAL_MEDIA", "REGULATOR"};

    public static void main(String[] args) throws Exception {
        SimulatorOptions options = SimulatorOptions.parse(args);
        Random random = new Random(options.seed());
        Topics topics = new Topics(new HttpSchemaRegistryClient(options.registryUrl()), true);
        ComplaintCorpus corpus = ComplaintCorpus.load();

        List<PipelineObserver> stages = List.of(
                new PipelineObserver(options.bootstrapServers(), options.registryUrl(), topics.complaintsReceived.name(), (id, e) -> true),
                new PipelineObserver(options.bootstrapServers(), options.registryUrl(), topics.complaintsTriaged.name(), (id, e) -> true),
                new PipelineObserver(options.bootstrapServers(), options.registryUrl(), topics.complaintCases.name(), (id, e) -> true),
                new PipelineObserver(options.bootstrapServers(), options.registryUrl(), topics.notifications.name(),
                        (id, e) -> e instanceof NotificationReceipt r && r.getKind() == NotificationKind.ACKNOWLEDGMENT));

        UpstreamWorld world = new UpstreamWorld();
        try (EventPublisher publisher = new EventPublisher(options.bootstrapServers(), options.registryUrl())) {
            world.publish(topics, publisher, options.sessions(), options.orders(), random, Instant.now());
            System.out.printf("upstream: %d live sessions, %d orders, %d events in all (with QoS telemetry)%n",
                    world.sessions().size(), world.orders().size(), publisher.sent());
        }

        AccessTokens tokens = new AccessTokens(options.jwtSecret());
        IntakeClient intake = new IntakeClient(options.intakeUrl(), tokens);
        Map<String, ComplaintCorpus.Sample> filed = new LinkedHashMap<>();
        Map<String, Long> filedAt = new LinkedHashMap<>();
        Map<Integer, Integer> refusals = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < options.complaints(); i++) {
            pace(started, i, options.rate());
            ComplaintCorpus.Sample sample = corpus.pick(random);
            UpstreamWorld.Order order = world.orders().get(random.nextInt(world.orders().size()));
            ObjectNode body = complaintBody(intake, sample, order, random);
            long before = System.currentTimeMillis();
            IntakeClient.Filed result = intake.file(order.userId(), body);
            if (result.accepted()) {
                filed.put(result.complaintId(), sample);
                filedAt.put(result.complaintId(), before);
            } else {
                refusals.merge(result.status(), 1, Integer::sum);
                System.err.println("intake refused a complaint: " + result.status() + " " + result.body());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("filed %d complaints through %s in %.1f s (%d accepted, refused: %s)%n",
                options.complaints(), options.intakeUrl(), seconds, filed.size(), refusals);

        long deadline = System.currentTimeMillis() + options.pipelineWait().toMillis();
        while (System.currentTimeMillis() < deadline && !stages.stream().allMatch(s -> s.sawAll(filed.keySet()))) {
            Thread.sleep(200);
        }
        boolean complete = report(stages, filed, filedAt, options, tokens.operator("simulator-ops"));
        stages.forEach(PipelineObserver::close);
        System.exit(complete ? 0 : 1);
    }

    private static ObjectNode complaintBody(IntakeClient intake, ComplaintCorpus.Sample sample, UpstreamWorld.Order order, Random random) {
        ObjectNode body = intake.newBody();
        boolean aboutTheStream = sample.type().equals("STREAM_QUALITY") || sample.type().equals("ANCHOR_CONDUCT");
        String channel = aboutTheStream ? (random.nextBoolean() ? "LIVE_ROOM_BUTTON" : "LIVE_COMMENT")
                : FORM_CHANNELS[random.nextInt(FORM_CHANNELS.length)];
        body.put("channel", channel);
        body.put("text", sample.text());
        body.put("language", sample.english() ? "en" : "zh-CN");
        if (channel.equals("REGULATOR")) {
            // a regulator's complaint carries its ticket (intake refuses one without its reference)
            ObjectNode ticket = body.putObject("regulatorTicket");
            ticket.put("reference", "12315-" + order.orderId());
            ticket.put("authority", "12315");
        }
        if (aboutTheStream) {
            body.put("roomId", order.session().roomId());
            body.put("sessionId", order.session().sessionId());
        } else {
            body.put("orderId", order.orderId());
            if (random.nextInt(3) > 0) {
                body.putArray("demands").add("REFUND");
                body.put("claimedAmountFen", order.amountPaidFen());
            }
        }
        return body;
    }

    private static void pace(long startedNanos, int index, double ratePerSecond) throws InterruptedException {
        long due = startedNanos + (long) (index * 1e9 / ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static boolean report(List<PipelineObserver> stages, Map<String, ComplaintCorpus.Sample> filed,
                                  Map<String, Long> filedAt, SimulatorOptions options, String operatorToken) throws IOException, InterruptedException {
        System.out.println();
        System.out.printf("%-34s %9s %10s %10s%n", "stage (topic)", "reached", "p50 ms", "max ms");
        boolean complete = true;
        for (PipelineObserver stage : stages) {
            List<Long> latencies = new ArrayList<>();
            for (String id : filed.keySet()) {
                PipelineObserver.Seen seen = stage.seen().get(id);
                if (seen != null) {
                    latencies.add(seen.atMillis() - filedAt.get(id));
                }
            }
            latencies.sort(Long::compare);
            complete &= latencies.size() == filed.size();
            System.out.printf("%-34s %4d/%-4d %10s %10s%n", stage.topic(), latencies.size(), filed.size(),
                    latencies.isEmpty() ? "-" : latencies.get(latencies.size() / 2),
                    latencies.isEmpty() ? "-" : latencies.get(latencies.size() - 1));
        }

        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> severities = new TreeMap<>();
        Map<String, Integer> teams = new TreeMap<>();
        int agreed = 0;
        for (Map.Entry<String, PipelineObserver.Seen> entry : stages.get(1).seen().entrySet()) {
            if (entry.getValue().event() instanceof ComplaintTriaged triaged && filed.containsKey(entry.getKey())) {
                String type = triaged.getClassification().getPrimaryType().name();
                types.merge(type, 1, Integer::sum);
                severities.merge(triaged.getSeverity().name(), 1, Integer::sum);
                teams.merge(triaged.getTeam(), 1, Integer::sum);
                agreed += type.equals(filed.get(entry.getKey()).type()) ? 1 : 0;
            }
        }
        Map<String, Integer> states = new TreeMap<>();
        for (Map.Entry<String, PipelineObserver.Seen> entry : stages.get(2).seen().entrySet()) {
            if (entry.getValue().event() instanceof ComplaintCase c && filed.containsKey(entry.getKey())) {
                states.merge(c.getState().name(), 1, Integer::sum);
            }
        }
        System.out.println();
        System.out.println("triaged types:      " + types);
        System.out.printf("type agreement:     %d of %d triaged complaints match the simulator's label%n", agreed, types.values().stream().mapToInt(i -> i).sum());
        System.out.println("severity:           " + severities);
        System.out.println("teams:              " + teams);
        System.out.println("case states:        " + states);
        // all-time figures: they include earlier runs on the same state (bin/local clean starts from zero)
        System.out.println("analytics all-time: " + get(options.analyticsUrl() + "/api/v1/stats/types", operatorToken));
        System.out.println(complete ? "\nevery accepted complaint reached every stage" : "\nSOME COMPLAINTS DID NOT REACH EVERY STAGE IN TIME");
        return complete;
    }

    private static String get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}

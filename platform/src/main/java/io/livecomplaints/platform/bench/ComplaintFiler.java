package io.livecomplaints.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.schemas.auth.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Files complaints through {@code POST /api/v1/complaints} about the upstream world's orders, each by the order's
 * owner with a real token: an ORDER_PAGE complaint demanding a refund, enriched from intake's stores. Every second one
 * claims only ¥30 (below any price, so from a user in good standing it qualifies for resolution's express refund and
 * reaches an outcome at once); the others claim the full price (¥59 and more) and wait for an agent.
 */
final class ComplaintFiler {

    /** The intake's answer: the HTTP status (-1 when the request failed) and the complaint id of a 202. */
    record Filed(int status, String complaintId) {
    }

    static final long CLAIMED_FEN = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final UpstreamWorld world;
    private final Map<String, String> tokens = new HashMap<>();

    ComplaintFiler(String intakeUrl, AccessTokens minter, UpstreamWorld world) {
        this.endpoint = URI.create(intakeUrl + "/api/v1/complaints");
        this.world = world;
        for (UpstreamWorld.Order order : world.orders()) {
            tokens.computeIfAbsent(order.userId(), minter::user);
        }
    }

    /** Files complaint number {@code i} (about order i modulo the number of orders); never throws. */
    Filed file(int i, boolean idempotencyKey) {
        UpstreamWorld.Order order = world.orders().get(i % world.orders().size());
        ObjectNode body = JSON.createObjectNode();
        body.put("channel", "ORDER_PAGE").put("orderId", order.orderId())
                .put("text", "收到的" + order.productName() + "和直播间展示的不一样，要求退款");
        if (i % 2 == 0) {
            body.put("claimedAmountFen", Math.min(CLAIMED_FEN, order.amountPaidFen()));
        }
        body.putArray("demands").add("REFUND");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(order.userId()))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String id = null;
            if (response.statusCode() == 202) {
                id = JSON.readTree(response.body()).path("complaintId").asText(null);
            }
            return new Filed(response.statusCode(), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Filed(-1, null);
        } catch (Exception e) {
            return new Filed(-1, null);
        }
    }

    /** Waits (bounded) until intake's stores have the upstream data, so every measured request is enriched. */
    void awaitEnrichment() throws Exception {
        UpstreamWorld.Order last = world.orders().get(world.orders().size() - 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            ObjectNode body = JSON.createObjectNode().put("channel", "ORDER_PAGE").put("orderId", last.orderId()).put("text", "探测");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(last.userId()))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode reply = JSON.readTree(response.body());
            if (response.statusCode() == 202 && !reply.path("missing").toString().contains("order")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("intake did not see the upstream orders within 120 s");
    }
}

package io.livecomplaints.platform.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.platform.simulator.IntakeClient;
import io.livecomplaints.platform.simulator.UpstreamWorld;
import io.livecomplaints.testkit.security.AccessTokens;
import java.net.http.HttpClient;
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

    private final IntakeClient intake;
    private final UpstreamWorld world;

    ComplaintFiler(String intakeUrl, AccessTokens minter, UpstreamWorld world) {
        Map<String, String> tokens = new HashMap<>();
        for (UpstreamWorld.Order order : world.orders()) {
            tokens.computeIfAbsent(order.userId(), minter::user);
        }
        // tokens minted up front (an hour's validity covers a benchmark run), so the load generator does no signing
        this.intake = new IntakeClient(intakeUrl, tokens::get, HttpClient.Version.HTTP_1_1);
        this.world = world;
    }

    /** Files complaint number {@code i} (about order i modulo the number of orders); never throws. */
    Filed file(int i, boolean idempotencyKey) {
        UpstreamWorld.Order order = world.orders().get(i % world.orders().size());
        ObjectNode body = intake.newBody();
        body.put("channel", "ORDER_PAGE").put("orderId", order.orderId())
                .put("text", "收到的" + order.productName() + "和直播间展示的不一样，要求退款");
        if (i % 2 == 0) {
            body.put("claimedAmountFen", Math.min(CLAIMED_FEN, order.amountPaidFen()));
        }
        body.putArray("demands").add("REFUND");
        try {
            IntakeClient.Filed filed = intake.file(order.userId(), body, idempotencyKey ? UUID.randomUUID().toString() : null);
            return new Filed(filed.status(), filed.accepted() ? filed.complaintId() : null);
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
            ObjectNode body = intake.newBody().put("channel", "ORDER_PAGE").put("orderId", last.orderId()).put("text", "探测");
            IntakeClient.Filed probe = intake.file(last.userId(), body);
            if (probe.accepted() && !probe.body().path("missing").toString().contains("order")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("intake did not see the upstream orders within 120 s");
    }
}

package io.livecomplaints.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real local HTTP server standing in for an SMS gateway, a mail API or a webhook subscriber, behaving like a good
 * provider: it drops a request whose Idempotency-Key it has already delivered. It can be taken down (503) and back
 * up, and told to refuse a recipient for good (400).
 */
public final class FakeProvider {

    /** A request as the provider received it. */
    public record Received(String idempotencyKey, Map<String, Object> body, Map<String, String> headers, byte[] raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> requests = new ArrayList<>();
    private final Map<String, Received> delivered = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeProvider start() {
        return new FakeProvider();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Refuse messages to this recipient with a 400 (an invalid number, say). */
    public void refuse(String recipient) {
        refused.add(recipient);
    }

    /** Every request received, duplicates and refused ones included. */
    public synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Received> requestsFor(String complaintId) {
        return requests.stream().filter(r -> complaintId.equals(r.body().get("reference")) || complaintId.equals(r.body().get("complaintId"))).toList();
    }

    /** What reached the recipient: each idempotency key once. */
    public List<Received> deliveredFor(String complaintId) {
        return delivered.values().stream().filter(r -> complaintId.equals(r.body().get("reference")) || complaintId.equals(r.body().get("complaintId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        Map<String, Object> body = JSON.readValue(raw, Map.class);
        String key = headers.get("idempotency-key");
        Received received = new Received(key, body, headers, raw);
        synchronized (this) {
            requests.add(received);
        }
        int status;
        if (down) {
            status = 503;
        } else if (refused.contains(String.valueOf(body.get("to")))) {
            status = 400;
        } else {
            delivered.putIfAbsent(key, received);
            status = 200;
        }
        byte[] answer = (status == 200 ? "{\"ok\":true}" : status == 400 ? "{\"error\":\"invalid recipient\"}" : "{\"error\":\"unavailable\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}

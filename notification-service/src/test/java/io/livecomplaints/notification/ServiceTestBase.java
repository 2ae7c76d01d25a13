package io.livecomplaints.notification;

import io.livecomplaints.events.NotificationReceipt;
import io.livecomplaints.schemas.topics.Topic;
import io.livecomplaints.schemas.topics.Topics;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring configuration every service test shares (so the context starts once): the real embedded broker and
 * registry, and real local HTTP servers as SMS gateway, mail API and webhook subscriber. Quiet hours are off here
 * (they depend on the time of day; DeliveryTopologyTest covers them with a controlled clock), the survey follows the
 * result at once, and retries and the circuit breaker run on short timers.
 */
@SpringBootTest(classes = {NotificationApplication.class, CrashSwitch.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "complaints.notification.messages.survey-delay=0s",
        "complaints.notification.delivery.quiet-hours.channels.SMS=off",
        "complaints.notification.delivery.retry.initial=200ms",
        "complaints.notification.delivery.retry.max=1s",
        "complaints.notification.delivery.dispatch.every=100ms",
        "complaints.notification.channels.resilience.retry.initial-backoff=50ms",
        "complaints.notification.channels.resilience.circuit-breaker.minimum-number-of-calls=3",
        "complaints.notification.channels.resilience.circuit-breaker.sliding-window-size=5",
        "complaints.notification.channels.resilience.circuit-breaker.wait-in-open-state=500ms"})
public abstract class ServiceTestBase {

    protected static final FakeProvider SMS = FakeProvider.start();
    protected static final FakeProvider EMAIL = FakeProvider.start();
    protected static final FakeProvider WEBHOOK = FakeProvider.start();
    /** The merchant platform (商家后台), subscribed to the merchants' messages. */
    protected static final FakeProvider MERCHANT_PLATFORM = FakeProvider.start();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
        registry.add("complaints.notification.channels.sms.url", SMS::url);
        registry.add("complaints.notification.channels.email.url", EMAIL::url);
        // a list binds from one property source: the whole subscriber is here
        registry.add("complaints.notification.channels.webhooks[0].name", () -> "refund-system");
        registry.add("complaints.notification.channels.webhooks[0].url", WEBHOOK::url);
        registry.add("complaints.notification.channels.webhooks[0].secret", () -> "test-webhook-secret");
        registry.add("complaints.notification.channels.webhooks[0].kinds", () -> "RESULT");
        registry.add("complaints.notification.channels.webhooks[1].name", () -> "merchant-platform");
        registry.add("complaints.notification.channels.webhooks[1].url", MERCHANT_PLATFORM::url);
        registry.add("complaints.notification.channels.webhooks[1].secret", () -> "test-merchant-secret");
        registry.add("complaints.notification.channels.webhooks[1].kinds", () -> "MERCHANT_REQUEST,MERCHANT_REMINDER,MERCHANT_DECISION");
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final Topics topics = TestPlatform.get().topics();

    protected <V> void write(Topic<String, V> topic, String key, V value) {
        try (var writer = TestPlatform.get().writer(topic)) {
            writer.send(key, value);
        }
    }

    protected TopicReader<NotificationReceipt> receipts() {
        return TestPlatform.get().reader(topics.notifications);
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

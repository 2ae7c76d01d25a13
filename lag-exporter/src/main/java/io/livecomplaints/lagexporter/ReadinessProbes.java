package io.livecomplaints.lagexporter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Probes each configured readiness endpoint and exposes {@code complaints_service_ready{service}}: 1 when it answers
 * 200 (UP), 0 otherwise (503 OUT_OF_SERVICE, refused, timed out). Spring Boot keeps readiness out of its metrics, and
 * {@code up} only says that the metrics endpoint answers.
 */
public class ReadinessProbes {

    private final Map<String, String> targets;
    private final Map<String, AtomicInteger> ready = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public ReadinessProbes(Map<String, String> targets, MeterRegistry registry) {
        this.targets = targets;
        targets.keySet().forEach(service -> ready.put(service,
                registry.gauge("complaints.service.ready", Tags.of("service", service), new AtomicInteger())));
    }

    @Scheduled(fixedDelayString = "${complaints.lag-exporter.interval:15s}", initialDelay = 0)
    public void probe() {
        targets.forEach((service, url) -> ready.get(service).set(isReady(url) ? 1 : 0));
    }

    private boolean isReady(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}

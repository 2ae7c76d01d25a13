package io.livecomplaints.analytics.query;

import io.livecomplaints.analytics.stats.model.Tally;
import io.livecomplaints.analytics.stats.model.TallyState;
import io.livecomplaints.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads another instance's share of the statistics over its internal endpoint
 * ({@code GET /internal/v1/stats/tallies}), passing on the caller's bearer token (the endpoint needs the same roles).
 */
@Component
class RemoteStats {

    static final String PATH = "/internal/v1/stats/tallies";

    /** A tally on the wire: its key, window start (epoch millis, null for all-time) and state (as its store keeps it). */
    record WireTally(String key, Long windowStart, TallyState tally) {

        static WireTally of(TallyEntry entry) {
            return new WireTally(entry.key(), entry.windowStart() == null ? null : entry.windowStart().toEpochMilli(),
                    entry.tally().state());
        }

        TallyEntry entry() {
            return new TallyEntry(key, windowStart == null ? null : Instant.ofEpochMilli(windowStart), Tally.of(tally));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json;

    RemoteStats(JsonMapper json) {
        this.json = json;
    }

    /** The instance's tallies of the selection in the given partitions; IOException if it cannot be reached. */
    List<TallyEntry> read(HostInfo host, Set<Integer> partitions, StoreSelection selection) throws IOException {
        StringBuilder url = new StringBuilder("http://").append(host.host()).append(':').append(host.port()).append(PATH)
                .append("?store=").append(encode(selection.store())).append("&prefix=").append(encode(selection.prefix()))
                .append("&partitions=").append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (selection.from() != null) {
            url.append("&from=").append(selection.from()).append("&to=").append(selection.to());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(10)).GET();
        String authorization = callerAuthorization();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw ApiProblem.unavailable(null, "instance " + host + " answered " + response.statusCode()
                        + " for its share of the statistics").retryAfter(1);
            }
            List<WireTally> wire = json.readValue(response.body(), new TypeReference<List<WireTally>>() { });
            return wire.stream().map(WireTally::entry).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, null, "interrupted", e);
        }
    }

    private static String callerAuthorization() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(HttpHeaders.AUTHORIZATION);
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

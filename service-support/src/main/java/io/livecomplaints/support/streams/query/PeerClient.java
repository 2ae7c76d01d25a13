package io.livecomplaints.support.streams.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;

/**
 * Sends a copy of the current API request to another instance of the service: same method, path, query and body, the
 * caller's own credentials (so the other instance checks the caller's rights itself), the trace context, plus the
 * routing headers of {@link StoreOwners}; or, for a service that asks its peers on an internal endpoint, a GET of that
 * endpoint with the same credentials and trace.
 */
final class PeerClient {

    /** Request headers passed on: the caller's token, what the body is, what the caller accepts, retries, the trace. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE, "Idempotency-Key", "traceparent", "tracestate");
    /** Response headers passed back to the caller. */
    private static final List<String> PASSED_BACK = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.ETAG);

    private final HttpClient http;
    private final Duration timeout;

    PeerClient(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    /** The other instance's answer; an IOException when it cannot be reached (left, crashed, timed out). */
    Answer send(HostInfo host, HttpServletRequest request, byte[] body, Map<String, String> routing) throws IOException {
        String query = request.getQueryString();
        HttpRequest.Builder copy = HttpRequest.newBuilder(uri(host, request.getRequestURI() + (query == null ? "" : "?" + query)))
                .timeout(timeout).method(request.getMethod(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        passOn(request, copy);
        routing.forEach(copy::header);
        return exchange(host, copy);
    }

    /**
     * GET of another path (an internal endpoint) on the other instance, on behalf of the current API request ({@code caller},
     * null outside one): its credentials and trace are passed on as by {@link #send}.
     */
    Answer get(HostInfo host, String pathAndQuery, HttpServletRequest caller) throws IOException {
        HttpRequest.Builder get = HttpRequest.newBuilder(uri(host, pathAndQuery)).timeout(timeout).GET();
        if (caller != null) {
            passOn(caller, get);
        }
        return exchange(host, get);
    }

    private static URI uri(HostInfo host, String pathAndQuery) {
        return URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    }

    private static void passOn(HttpServletRequest request, HttpRequest.Builder copy) {
        for (String name : PASSED_ON) {
            String value = request.getHeader(name);
            if (value != null) {
                copy.header(name, value);
            }
        }
    }

    private Answer exchange(HostInfo host, HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + host, e);
        }
    }

    /** Another instance's answer: status, headers, body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        /** Writes this answer as the current request's response. */
        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            for (String name : PASSED_BACK) {
                headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                        .ifPresent(e -> e.getValue().forEach(v -> response.addHeader(name, v)));
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }
    }
}

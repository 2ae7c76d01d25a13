package io.livecomplaints.notification.channels;

import io.livecomplaints.support.privacy.Pii;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON to a provider endpoint configured by URL. 2xx is delivered; 408, 425, 429 and 5xx, timeouts and
 * connection errors are worth retrying; any other status means the provider refused this request for good.
 */
public final class HttpProvider {

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;

    public HttpProvider(HttpClient http, URI url, Duration timeout) {
        this.http = http;
        this.url = url;
        this.timeout = timeout;
    }

    public void post(byte[] json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException(url.getHost() + ":" + url.getPort() + " unreachable: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while calling " + url.getHost(), true);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        boolean retryable = status >= 500 || status == 408 || status == 425 || status == 429;
        String body = response.body() == null ? "" : response.body();
        throw new ProviderException("HTTP " + status + " from " + url.getHost() + ":" + url.getPort()
                + (body.isBlank() ? "" : ": " + Pii.maskText(abbreviate(body))), retryable);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}

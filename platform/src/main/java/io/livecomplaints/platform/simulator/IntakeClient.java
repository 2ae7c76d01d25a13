package io.livecomplaints.platform.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** Files complaints through the intake REST API, as the apps and pages of the platform do. */
public final class IntakeClient {

    /** The intake's answer: 202 with the complaint id, or an error status with its problem body. */
    public record Filed(int status, String complaintId, JsonNode body) {
        public boolean accepted() {
            return status == 202;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI endpoint;
    private final Function<String, String> bearerTokenOf;

    /** A client that mints a fresh user token for every request (tokens live an hour; runs may last longer). */
    public IntakeClient(String intakeUrl, AccessTokens tokens) {
        this(intakeUrl, tokens::user, HttpClient.Version.HTTP_2);
    }

    /**
     * @param bearerTokenOf the user's bearer token (the benchmark mints them before it starts the clock)
     * @param version       HTTP_2 tries an h2c upgrade and falls back; the benchmark pins HTTP_1_1 so every request of
     *                      its open-loop load is the same plain request
     */
    public IntakeClient(String intakeUrl, Function<String, String> bearerTokenOf, HttpClient.Version version) {
        this.endpoint = URI.create(intakeUrl + "/api/v1/complaints");
        this.bearerTokenOf = bearerTokenOf;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ObjectNode newBody() {
        return json.createObjectNode();
    }

    public Filed file(String userId, ObjectNode body) throws IOException, InterruptedException {
        return file(userId, body, null);
    }

    /** Files with an {@code Idempotency-Key} (when not null): a retry with the same key and body files nothing new. */
    public Filed file(String userId, ObjectNode body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerTokenOf.apply(userId))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode reply = reply(response);
        return new Filed(response.statusCode(), reply.path("complaintId").asText(null), reply);
    }

    /** The answer's JSON; an empty object for an empty or non-JSON body (a proxy's error page keeps its status). */
    private JsonNode reply(HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}

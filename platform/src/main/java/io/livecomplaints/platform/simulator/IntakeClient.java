package io.livecomplaints.platform.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecomplaints.schemas.auth.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Files complaints through the intake REST API, as the apps and pages of the platform do. */
public final class IntakeClient {

    /** The intake's answer: 202 with the complaint id, or an error status with its problem body. */
    public record Filed(int status, String complaintId, JsonNode body) {
        public boolean accepted() {
            return status == 202;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AccessTokens tokens;

    public IntakeClient(String intakeUrl, AccessTokens tokens) {
        this.endpoint = URI.create(intakeUrl + "/api/v1/complaints");
        this.tokens = tokens;
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
                .header("Authorization", "Bearer " + tokens.user(userId))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode reply = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        return new Filed(response.statusCode(), reply.path("complaintId").asText(null), reply);
    }
}

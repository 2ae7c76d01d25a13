package io.livecomplaints.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.testkit.security.AuthMatrix;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;

/**
 * A service's OpenAPI document against what it really maps: the document is fetched over real HTTP without a token
 * (it is a public path), and every endpoint of the inventory that {@link AuthMatrix} reads from Spring's
 * {@code RequestMappingHandlerMapping} must be in it with its method, require the bearer scheme and document the
 * problem+json error answers (401, 403, and 400 when it takes a body). A controller added without its contract
 * fails here, as one without its role row fails the AuthMatrix.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiContract() {
    }

    /** Fails listing every difference; returns the document. */
    public static JsonNode verify(ApplicationContext context, int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /v3/api-docs without a token: expected 200 (a public path), got "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode document = JSON.readTree(response.body());
        List<String> failures = differences(AuthMatrix.of(context, port).inventory(), document);
        if (!failures.isEmpty()) {
            throw new AssertionError("the OpenAPI document differs from the mapped endpoints:\n  " + String.join("\n  ", failures));
        }
        return document;
    }

    /** What is wrong with the document for these endpoints ({@code "METHOD /path/{var}"}); empty: nothing. */
    public static List<String> differences(Set<String> endpoints, JsonNode document) {
        List<String> failures = new ArrayList<>();
        if (!document.path("components").path("securitySchemes").path("bearer").path("scheme").asText().equals("bearer")) {
            failures.add("components.securitySchemes.bearer (HTTP bearer JWT) is missing");
        }
        if (!document.path("components").path("schemas").has("Problem")) {
            failures.add("components.schemas.Problem (problem+json) is missing");
        }
        Set<String> documented = new TreeSet<>();
        Iterator<java.util.Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator();
        while (paths.hasNext()) {
            var path = paths.next();
            path.getValue().properties().forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        for (String endpoint : endpoints) {
            String normalized = normalize(endpoint);
            if (!documented.contains(normalized)) {
                failures.add(endpoint + ": mapped but not in the OpenAPI document");
                continue;
            }
            String method = normalized.substring(0, normalized.indexOf(' ')).toLowerCase(Locale.ROOT);
            JsonNode operation = document.path("paths").path(normalized.substring(normalized.indexOf(' ') + 1)).path(method);
            JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
            if (!security.toString().contains("\"bearer\"")) {
                failures.add(endpoint + ": does not require the bearer scheme");
            }
            List<String> statuses = new ArrayList<>(List.of("401", "403"));
            if (operation.has("requestBody")) {
                statuses.add("400");
            }
            for (String status : statuses) {
                if (!operation.path("responses").path(status).path("content").has("application/problem+json")) {
                    failures.add(endpoint + ": no application/problem+json answer " + status);
                }
            }
        }
        return failures;
    }

    /** {@code GET /a/{id:[0-9]+}} → {@code GET /a/{id}}, as springdoc writes path variables. */
    static String normalize(String endpoint) {
        return endpoint.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }
}

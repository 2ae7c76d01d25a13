package io.livecomplaints.platform.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.platform.runtime.ServiceProcess;
import io.livecomplaints.testkit.security.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The public read APIs of each service, asked with real tokens about complaints filed before a fault, and what a
 * correct answer is: intake's progress view of each complaint for its owner, resolution's case of each complaint for
 * its owner, each owner's notification inbox holding the complaint's acknowledgment, triage's agents view and
 * classifier for an operator, analytics' all-time counts for an operator not below what they were before the fault.
 * A wrong 404, a 503, a timeout or a refused connection is a failure. The reference complaints are spread over every
 * partition, so an instance that answers them all serves every partition.
 */
public final class ApiProbes {

    /** A complaint filed before the fault and its owner. */
    public record Reference(String complaintId, String userId) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokens tokens;
    private final List<Reference> references;

    public ApiProbes(AccessTokens tokens, List<Reference> references) {
        this.tokens = tokens;
        this.references = List.copyOf(references);
    }

    public List<Reference> references() {
        return references;
    }

    /**
     * Asks one instance of {@code service} every question of its probe.
     *
     * @param analyticsFloor the all-time complaint count analytics must at least answer (counted before the fault)
     * @return null when every answer is correct, else the first wrong one
     */
    public String failure(String service, ServiceProcess instance, long analyticsFloor) {
        try {
            return switch (service) {
                case "intake-service" -> eachReference(r -> expectId(get(instance, "/api/v1/complaints/" + r.complaintId(),
                        tokens.user(r.userId())), r, "complaintId"));
                case "resolution-service" -> eachReference(r -> expectId(get(instance, "/api/v1/my/cases/" + r.complaintId(),
                        tokens.user(r.userId())), r, "complaintId"));
                case "notification-service" -> eachReference(r -> expectId(get(instance, "/api/v1/inbox/" + r.userId() + "?limit=200",
                        tokens.user(r.userId())), r, null));
                case "triage-service" -> triage(instance);
                case "analytics-service" -> analytics(instance, analyticsFloor);
                default -> throw new IllegalArgumentException("no probe for " + service);
            };
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The all-time complaint count of analytics (any instance answers for all: it gathers from the others). */
    public long analyticsCount(ServiceProcess instance) throws IOException, InterruptedException {
        HttpResponse<String> response = get(instance, "/api/v1/stats/types", tokens.operator("faults-probe"));
        if (response.statusCode() != 200) {
            throw new IOException("analytics answered " + response.statusCode() + ": " + response.body());
        }
        return total(response.body());
    }

    /** The sum of analytics' counts per type; an answer that is not such counts is no answer. */
    static long total(String countsPerType) throws IOException {
        JsonNode counts = JSON.readTree(countsPerType);
        if (counts == null || !counts.isObject()) {
            throw new IOException("analytics answered 200 without counts: " + abbreviated(countsPerType));
        }
        long total = 0;
        for (JsonNode count : counts) {
            if (!count.canConvertToLong()) {
                throw new IOException("analytics answered 200 without counts: " + abbreviated(countsPerType));
            }
            total += count.asLong();
        }
        return total;
    }

    private String triage(ServiceProcess instance) throws IOException, InterruptedException {
        String operator = tokens.operator("faults-probe");
        HttpResponse<String> agents = get(instance, "/api/v1/triage/agents", operator);
        if (agents.statusCode() != 200 || !JSON.readTree(agents.body()).isArray() || JSON.readTree(agents.body()).isEmpty()) {
            return "GET /api/v1/triage/agents → " + agents.statusCode() + " " + abbreviated(agents.body());
        }
        HttpResponse<String> classifier = get(instance, "/api/v1/triage/classifier", operator);
        if (classifier.statusCode() != 200 || JSON.readTree(classifier.body()).path("modelVersion").isMissingNode()) {
            return "GET /api/v1/triage/classifier → " + classifier.statusCode() + " " + abbreviated(classifier.body());
        }
        return null;
    }

    private String analytics(ServiceProcess instance, long floor) throws IOException, InterruptedException {
        long count = analyticsCount(instance);
        return count >= floor ? null : "GET /api/v1/stats/types counts " + count + " complaints, " + floor + " were counted before";
    }

    private interface Question {
        String ask(Reference reference) throws IOException, InterruptedException;
    }

    private String eachReference(Question question) throws IOException, InterruptedException {
        for (Reference reference : references) {
            String wrong = question.ask(reference);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /** 200 naming the complaint (in {@code field} when given, else anywhere in the body). */
    private static String expectId(HttpResponse<String> response, Reference reference, String field) throws IOException {
        boolean named = response.statusCode() == 200 && (field == null ? response.body().contains("\"" + reference.complaintId() + "\"")
                : reference.complaintId().equals(JSON.readTree(response.body()).path(field).asText()));
        return named ? null : "GET " + response.request().uri().getPath() + " → " + response.statusCode() + " " + abbreviated(response.body());
    }

    private static HttpResponse<String> get(ServiceProcess instance, String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}

package io.livecomplaints.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caching client of a Confluent-compatible schema registry (ours, Confluent's, Apicurio ccompat, Karapace).
 * Ids and schemas are immutable in a registry, so each is fetched once per process.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final Duration timeout;
    private final String authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(String urls) {
        this(urls, Duration.ofSeconds(10));
    }

    /** @param urls one URL or a comma-separated list; each is tried in turn when one cannot be reached */
    public HttpSchemaRegistryClient(String urls, Duration timeout) {
        this(urls, timeout, null);
    }

    /**
     * @param userInfo {@code user:password} sent as HTTP Basic with every request (the registry requires it to
     *                 register schemas or change compatibility), or null
     */
    public HttpSchemaRegistryClient(String urls, Duration timeout, String userInfo) {
        this(urls, timeout, userInfo, null);
    }

    /** @param tls trust (and optionally key) store for {@code https} registry URLs; null: the JVM's defaults */
    public HttpSchemaRegistryClient(String urls, Duration timeout, String userInfo, RegistryTls tls) {
        this.authorization = userInfo == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.baseUrls = java.util.Arrays.stream(urls.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
                .toList();
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url is empty");
        }
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls.sslContext());
        }
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> {
            JsonNode reply = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = reply.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> {
            JsonNode reply = send("POST", "subjects/" + encode(subject), schemaBody(schema));
            int id = reply.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode reply = send("GET", "subjects/" + encode(subject) + "/versions/latest", null);
        int id = reply.get("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, i -> parse(reply.get("schema").asText()));
        return new RegisteredSchema(id, reply.get("version").asInt(), schema);
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, i -> parse(send("GET", "schemas/ids/" + i, null).get("schema").asText()));
    }

    private static String cacheKey(String subject, Schema schema) {
        return subject + '\u0000' + schema.toString();
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException unreachable = null;
        for (URI base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(timeout)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() / 100 != 2) {
                    throw new SchemaRegistryException(response.statusCode(),
                            json.path("error_code").asInt(response.statusCode()),
                            "schema registry " + method + " /" + path + " -> " + response.statusCode() + ": "
                                    + json.path("message").asText(response.body()));
                }
                return json;
            } catch (IOException e) {
                unreachable = new SchemaRegistryException("schema registry at " + base + " unreachable: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted calling the schema registry", e);
            }
        }
        throw unreachable;
    }
}

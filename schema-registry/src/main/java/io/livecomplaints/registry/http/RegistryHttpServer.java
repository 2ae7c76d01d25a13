package io.livecomplaints.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.livecomplaints.schemas.serde.RegistryTls;
import io.livecomplaints.registry.RegistryException;
import io.livecomplaints.registry.SchemaRegistry;
import io.livecomplaints.registry.store.KafkaSchemaLog;
import io.livecomplaints.registry.store.RegistryState.Version;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's REST subset over the JDK's HTTP server, plus {@code /actuator/health} and {@code /actuator/prometheus}.
 * Errors are Confluent's JSON: {@code {"error_code": 40401, "message": "..."}}.
 */
public final class RegistryHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpServer.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_BODY = 1 << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final SchemaRegistry registry;
    private final KafkaSchemaLog schemaLog;
    private final PrometheusMeterRegistry metrics;
    private final HttpServer server;
    private final byte[] writer;
    private final ExecutorService executor;

    public RegistryHttpServer(String host, int port, SchemaRegistry registry, KafkaSchemaLog schemaLog,
                              PrometheusMeterRegistry metrics) throws IOException {
        this(host, port, registry, schemaLog, metrics, null);
    }

    /** @param writerUserInfo {@code user:password} required (HTTP Basic) to register and to change compatibility; null: open */
    public RegistryHttpServer(String host, int port, SchemaRegistry registry, KafkaSchemaLog schemaLog,
                              PrometheusMeterRegistry metrics, String writerUserInfo) throws IOException {
        this(host, port, registry, schemaLog, metrics, writerUserInfo, null);
    }

    /** @param tls the server's key store (and a trust store to ask clients for certificates); null: plain HTTP */
    public RegistryHttpServer(String host, int port, SchemaRegistry registry, KafkaSchemaLog schemaLog,
                              PrometheusMeterRegistry metrics, String writerUserInfo, RegistryTls tls) throws IOException {
        this.writer = writerUserInfo == null ? null : writerUserInfo.getBytes(StandardCharsets.UTF_8);
        this.registry = registry;
        this.schemaLog = schemaLog;
        this.metrics = metrics;
        if (tls == null) {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 128);
            javax.net.ssl.SSLContext context = tls.sslContext();
            boolean clientCertificates = tls.trustStore() != null;
            https.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    javax.net.ssl.SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(clientCertificates);
                    params.setSSLParameters(parameters);
                }
            });
            this.server = https;
        }
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "registry-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String route = "unknown";
        int status;
        try {
            String method = exchange.getRequestMethod();
            List<String> path = segments(exchange.getRequestURI().getRawPath());
            route = routeName(path);
            Reply reply = dispatch(method, path, exchange);
            status = reply.status();
            send(exchange, status, reply.contentType(), reply.body());
        } catch (RegistryException e) {
            status = e.status();
            sendError(exchange, e.status(), e.errorCode(), e.getMessage());
        } catch (BadRequest e) {
            status = 400;
            sendError(exchange, 400, 400, e.getMessage());
        } catch (RuntimeException e) {
            log.error("request failed", e);
            status = 500;
            sendError(exchange, 500, 50001, "Internal error: " + e.getMessage());
        } finally {
            exchange.close();
        }
        Timer.builder("http.server.requests").tag("method", exchange.getRequestMethod()).tag("uri", route)
                .tag("status", Integer.toString(status)).register(metrics).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private Reply dispatch(String method, List<String> p, HttpExchange exchange) throws IOException {
        int n = p.size();
        if (n == 0) {
            return ok(json.createObjectNode());
        }
        switch (p.get(0)) {
            case "subjects" -> {
                if (n == 1 && method.equals("GET")) {
                    ArrayNode subjects = json.createArrayNode();
                    registry.subjects(flag(exchange, "deleted")).forEach(subjects::add);
                    return ok(subjects);
                }
                if (n == 2 && method.equals("DELETE")) {
                    requireWriter(exchange);
                    ArrayNode deleted = json.createArrayNode();
                    registry.deleteSubject(p.get(1), flag(exchange, "permanent")).forEach(deleted::add);
                    return ok(deleted);
                }
                if (n == 2 && method.equals("POST")) {
                    return ok(versionJson(registry.lookup(p.get(1), schemaOf(exchange))));
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("GET")) {
                    ArrayNode versions = json.createArrayNode();
                    registry.versions(p.get(1), flag(exchange, "deleted")).forEach(v -> versions.add(v.version()));
                    return ok(versions);
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("POST")) {
                    requireWriter(exchange);
                    SubjectNames.requireValid(p.get(1));
                    ObjectNode reply = json.createObjectNode();
                    reply.put("id", registry.register(p.get(1), schemaOf(exchange)));
                    return ok(reply);
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("GET")) {
                    return ok(versionJson(registry.version(p.get(1), p.get(3), flag(exchange, "deleted"))));
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("DELETE")) {
                    requireWriter(exchange);
                    return ok(json.getNodeFactory().numberNode(registry.deleteVersion(p.get(1), p.get(3), flag(exchange, "permanent"))));
                }
                if (n == 5 && p.get(2).equals("versions") && p.get(4).equals("schema") && method.equals("GET")) {
                    return new Reply(200, CONTENT_TYPE, registry.version(p.get(1), p.get(3)).schema().toString());
                }
            }
            case "schemas" -> {
                if (n == 2 && p.get(1).equals("types") && method.equals("GET")) {
                    return ok(json.createArrayNode().add("AVRO"));
                }
                if (n >= 3 && p.get(1).equals("ids") && method.equals("GET")) {
                    int id = parseId(p.get(2));
                    if (n == 3) {
                        ObjectNode reply = json.createObjectNode();
                        reply.put("schema", registry.schemaById(id).toString());
                        return ok(reply);
                    }
                    if (n == 4 && p.get(3).equals("schema")) {
                        return new Reply(200, CONTENT_TYPE, registry.schemaById(id).toString());
                    }
                    if (n == 4 && p.get(3).equals("versions")) {
                        ArrayNode reply = json.createArrayNode();
                        for (Version v : registry.versionsWithId(id)) {
                            reply.addObject().put("subject", v.subject()).put("version", v.version());
                        }
                        return ok(reply);
                    }
                }
            }
            case "compatibility" -> {
                if (n == 4 && p.get(1).equals("subjects") && p.get(3).equals("versions") && method.equals("POST")) {
                    return compatibilityReply(registry.compatibilityWithAll(p.get(2), schemaOf(exchange)), exchange);
                }
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions") && method.equals("POST")) {
                    return compatibilityReply(registry.compatibility(p.get(2), p.get(4), schemaOf(exchange)), exchange);
                }
            }
            case "mode" -> {
                String subject = n == 2 ? p.get(1) : null;
                if (n <= 2 && method.equals("GET")) {
                    var mode = subject == null ? registry.globalMode()
                            : registry.subjectMode(subject).or(() -> flag(exchange, "defaultToGlobal")
                                    ? java.util.Optional.of(registry.globalMode()) : java.util.Optional.empty())
                                    .orElseThrow(() -> new RegistryException(404, RegistryException.SUBJECT_LEVEL_MODE_NOT_FOUND,
                                            "Subject '" + subject + "' does not have subject-level mode configured"));
                    return ok(json.createObjectNode().put("mode", mode.name()));
                }
                if (n <= 2 && method.equals("PUT")) {
                    requireWriter(exchange);
                    if (subject != null) {
                        SubjectNames.requireValid(subject);
                    }
                    var mode = registry.setMode(subject, body(exchange).path("mode").asText(null));
                    return ok(json.createObjectNode().put("mode", mode.name()));
                }
            }
            case "config" -> {
                String subject = n == 2 ? p.get(1) : null;
                if (n <= 2 && method.equals("GET")) {
                    var level = subject == null ? registry.globalLevel()
                            : registry.subjectLevel(subject).or(() -> flag(exchange, "defaultToGlobal")
                                    ? java.util.Optional.of(registry.globalLevel()) : java.util.Optional.empty())
                                    .orElseThrow(() -> new RegistryException(404, RegistryException.SUBJECT_LEVEL_CONFIG_NOT_FOUND,
                                            "Subject '" + subject + "' does not have subject-level compatibility configured"));
                    return ok(json.createObjectNode().put("compatibilityLevel", level.name()));
                }
                if (n <= 2 && method.equals("PUT")) {
                    requireWriter(exchange);
                    if (subject != null) {
                        SubjectNames.requireValid(subject);
                    }
                    JsonNode body = body(exchange);
                    var level = registry.setLevel(subject, body.path("compatibility").asText(null));
                    return ok(json.createObjectNode().put("compatibility", level.name()));
                }
            }
            case "actuator" -> {
                if (n >= 2 && p.get(1).equals("health")) {
                    return health();
                }
                if (n == 2 && p.get(1).equals("prometheus")) {
                    return new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                }
            }
            default -> {
            }
        }
        throw new RegistryException(404, 404, "HTTP " + method + " /" + String.join("/", p) + " is not supported");
    }

    /** Writes need the writer's HTTP Basic credential when one is configured (Confluent answers 401, code 40101). */
    private void requireWriter(HttpExchange exchange) {
        if (writer == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] given = new byte[0];
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                given = java.util.Base64.getDecoder().decode(header.substring(6).strip());
            } catch (IllegalArgumentException e) {
                // stays empty: refused below
            }
        }
        if (!java.security.MessageDigest.isEqual(writer, given)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
            throw new RegistryException(401, RegistryException.UNAUTHORIZED, "Unauthorized: registering and deleting schemas and "
                    + "changing compatibility or mode need the registry's writer credential");
        }
    }

    private Reply health() {
        boolean up = schemaLog.healthy();
        ObjectNode reply = json.createObjectNode().put("status", up ? "UP" : "DOWN");
        ObjectNode component = reply.putObject("components").putObject("schemaLog").put("status", up ? "UP" : "DOWN");
        component.putObject("details").put("appliedUpTo", schemaLog.appliedUpTo())
                .put("error", schemaLog.failure().map(Throwable::toString).orElse(null));
        return new Reply(up ? 200 : 503, "application/json", reply.toString());
    }

    private ObjectNode versionJson(Version v) {
        return json.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema().toString());
    }

    private String schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Only AVRO schemas are supported, got " + type);
        }
        if (body.path("references").isArray() && !body.path("references").isEmpty()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Request body needs a 'schema' string");
        }
        return schema.asText();
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest("Request body larger than " + MAX_BODY + " bytes");
            }
            if (bytes.length == 0) {
                throw new BadRequest("Request body is empty");
            }
            try {
                return json.readTree(bytes);
            } catch (IOException e) {
                throw new BadRequest("Request body is not JSON: " + e.getMessage());
            }
        }
    }

    private Reply compatibilityReply(List<String> problems, HttpExchange exchange) {
        ObjectNode reply = json.createObjectNode().put("is_compatible", problems.isEmpty());
        if (flag(exchange, "verbose")) {
            ArrayNode messages = reply.putArray("messages");
            problems.forEach(messages::add);
        }
        return ok(reply);
    }

    /** Whether the query has {@code name=true}. */
    private static boolean flag(HttpExchange exchange, String name) {
        return Arrays.stream(query(exchange).split("&"))
                .anyMatch(pair -> pair.equalsIgnoreCase(name + "=true"));
    }

    private static String query(HttpExchange exchange) {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    }

    /** Low-cardinality route names for metrics (no subject names). */
    private static String routeName(List<String> p) {
        if (p.isEmpty()) {
            return "/";
        }
        return switch (p.get(0)) {
            case "subjects" -> p.size() == 1 ? "/subjects" : p.size() == 2 ? "/subjects/{subject}"
                    : p.size() == 3 ? "/subjects/{subject}/versions" : "/subjects/{subject}/versions/{version}";
            case "schemas" -> p.size() == 2 ? "/schemas/types" : "/schemas/ids/{id}";
            case "compatibility" -> p.size() == 4 ? "/compatibility/subjects/{subject}/versions"
                    : "/compatibility/subjects/{subject}/versions/{version}";
            case "config" -> p.size() == 1 ? "/config" : "/config/{subject}";
            case "mode" -> p.size() == 1 ? "/mode" : "/mode/{subject}";
            case "actuator" -> "/" + String.join("/", p);
            default -> "other";
        };
    }

    private Reply ok(JsonNode body) {
        return new Reply(200, CONTENT_TYPE, body.toString());
    }

    private void sendError(HttpExchange exchange, int status, int errorCode, String message) throws IOException {
        ObjectNode body = json.createObjectNode().put("error_code", errorCode).put("message", message);
        send(exchange, status, CONTENT_TYPE, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Reply(int status, String contentType, String body) {
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}

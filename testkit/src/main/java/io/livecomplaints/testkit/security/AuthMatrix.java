package io.livecomplaints.testkit.security;

import io.livecomplaints.testkit.security.AccessTokens;
import io.livecomplaints.testkit.TestPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authentication and role matrix of one service, checked over real HTTP: every endpoint Spring MVC maps (read
 * from the {@link RequestMappingHandlerMapping}, so a new endpoint cannot be forgotten) must have a row in the
 * explicit role table, and then
 * <ul>
 *   <li>no token, and an expired, forged, foreign-issuer, unsigned or malformed token → 401 problem+json;</li>
 *   <li>a token of a kind of caller the row does not allow → 403 problem+json;</li>
 *   <li>a token of an allowed kind → anything but 401/403 (ids are probes that exist nowhere, so usually 404 or 400).</li>
 * </ul>
 * Paths open without a token ({@code complaints.security.public-paths}) are not part of the table.
 * Object-level rules (whose case, whose inbox) are tested by each service with real data.
 * <p>
 * And what every endpoint must keep whatever it does (issue 20), so that a new endpoint cannot forget it:
 * <ul>
 *   <li>every endpoint that takes a body, called by an allowed caller with a body past the service's cap
 *       ({@code complaints.api.request-max-bytes}), announced or chunked, answers 400 or 413, never 2xx or 5xx;</li>
 *   <li>no request body carries the caller's identity ({@code userId}, {@code merchantId}, {@code agentId}, ...): the
 *       caller comes from the token; a field of that name that means someone else must be declared with its reason
 *       ({@link #bodyNames});</li>
 *   <li>metrics are for the scraper's credential only (401 without one, 403 to every kind of token but OPERATOR),
 *       health shows its details only to operators, and odd requests (encoded slash, {@code %00}, {@code ..}, TRACE,
 *       unknown paths, a 20 000-character path) are answered 4xx problem+json.</li>
 * </ul>
 */
public final class AuthMatrix {

    /**
     * The kinds of caller the platform issues tokens to (a supervisor's token also carries AGENT; a merchant's names its
     * merchant id).
     */
    public enum Kind { USER, AGENT, SUPERVISOR, SYSTEM, OPERATOR, MERCHANT, ANCHOR }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private final ApplicationContext context;
    private final int port;
    /** Body fields that would name the caller: the caller comes from the token, never from the body. */
    static final Set<String> IDENTITY_FIELDS = Set.of("userId", "merchantId", "anchorId", "agentId", "operatorId", "supervisorId",
            "callerId", "actorId", "systemId", "sub", "subject");

    private final Map<String, Set<Kind>> table = new LinkedHashMap<>();
    private final Map<String, Set<String>> declaredBodyNames = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private AuthMatrix(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** The matrix of the service whose context this is, listening on {@code port}. */
    public static AuthMatrix of(ApplicationContext context, int port) {
        return new AuthMatrix(context, port);
    }

    /** A row: {@code "GET /api/v1/cases/{id}"} may be called by these kinds of caller. */
    public AuthMatrix allow(String endpoint, Kind first, Kind... more) {
        if (table.put(endpoint, EnumSet.of(first, more)) != null) {
            throw new IllegalArgumentException("two rows for " + endpoint);
        }
        return this;
    }

    /**
     * A row for an owner-only endpoint that checks ownership itself and answers 404 to every non-owner, whatever the
     * role (so an id reveals nothing): every kind passes the role layer; the service's own tests cover the owner rule.
     */
    public AuthMatrix allowAnyAuthenticated(String endpoint) {
        return allow(endpoint, Kind.USER, Kind.values());
    }

    /**
     * Declares that the body of this endpoint carries a field named like an identity that does not name the caller
     * (e.g. the user a SYSTEM files for, the agent a case is reassigned to); the reason goes into the test's source.
     */
    public AuthMatrix bodyNames(String endpoint, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why " + endpoint + " takes " + field + " from the body");
        }
        declaredBodyNames.computeIfAbsent(endpoint, e -> new java.util.HashSet<>()).add(field);
        return this;
    }

    /** The endpoints the service maps, as {@code "METHOD /path/{var}"}, public paths left out. */
    public Set<String> inventory() {
        Set<String> endpoints = new TreeSet<>();
        probes().forEach(p -> endpoints.add(p.endpoint()));
        return endpoints;
    }

    /** Runs the whole matrix; fails with every deviation listed. Returns the number of requests made. */
    public int verify() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> inventory = inventory();
        for (String endpoint : inventory) {
            if (!table.containsKey(endpoint)) {
                failures.add(endpoint + ": mapped but has no row in the role table");
            }
        }
        for (String endpoint : table.keySet()) {
            if (!inventory.contains(endpoint)) {
                failures.add(endpoint + ": in the role table but not mapped");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("endpoint inventory differs from the role table:\n  " + String.join("\n  ", failures));
        }
        TestPlatform platform = TestPlatform.get();
        Map<Kind, String> tokens = tokens(platform.tokens());
        Map<String, String> bad = BadTokens.against(platform.jwtSecret());
        int requests = 0;
        for (Probe probe : probes()) {
            Set<Kind> allowed = table.get(probe.endpoint());
            requests++;
            expectRefused(failures, probe, "no token", null, 401);
            for (Map.Entry<String, String> token : bad.entrySet()) {
                requests++;
                expectRefused(failures, probe, token.getKey() + " token", token.getValue(), 401);
            }
            for (Kind kind : Kind.values()) {
                requests++;
                if (allowed.contains(kind)) {
                    int status = call(probe, tokens.get(kind)).statusCode();
                    if (status == 401 || status == 403) {
                        failures.add(probe + " as " + kind + ": allowed by the table but got " + status);
                    }
                } else {
                    expectRefused(failures, probe, kind.name(), tokens.get(kind), 403);
                }
            }
        }
        requests += verifyBodies(failures, tokens);
        requests += verifyOperationalEndpoints(failures, tokens, platform);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " deviations from the auth matrix:\n  " + String.join("\n  ", failures));
        }
        return requests;
    }

    /** Over-cap bodies (announced and chunked) on every endpoint that takes one, and identity fields in bodies. */
    private int verifyBodies(List<String> failures, Map<Kind, String> tokens) throws Exception {
        long cap = context.getEnvironment().getProperty("complaints.api.request-max-bytes", Long.class, 1_048_576L);
        Set<String> readBodies = endpointsReadingBodies();
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int requests = 0;
        for (Probe probe : probes()) {
            if (probe.method().equals("GET") || probe.method().equals("DELETE")) {
                continue;
            }
            Kind allowed = table.get(probe.endpoint()).iterator().next();
            String json = "{\"note\":\"" + "x".repeat((int) Math.min(Integer.MAX_VALUE - 64, cap + 1)) + "\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            // a chunked body is only a danger where it is read; an announced one is refused before anything
            for (boolean chunked : readBodies.contains(probe.endpoint()) ? new boolean[] {false, true} : new boolean[] {false}) {
                requests++;
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.uri()))
                        .header("Authorization", "Bearer " + tokens.get(allowed)).header("Content-Type", "application/json")
                        .method(probe.method(), chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                int status;
                try {
                    status = http11.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (java.io.IOException e) {
                    continue; // the server closed the connection on the oversized body: refused, not accepted
                }
                if (status != 400 && status != 413) {
                    failures.add(probe + " as " + allowed + " with a " + (chunked ? "chunked " : "") + "body over the cap of "
                            + cap + " bytes: expected 400/413 but got " + status);
                }
            }
        }
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    continue;
                }
                for (String field : fieldNames(parameter.getParameterType())) {
                    if (!IDENTITY_FIELDS.contains(field)) {
                        continue;
                    }
                    for (String pattern : info.getPatternValues()) {
                        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                            String endpoint = method.name() + " " + pattern;
                            if (!declaredBodyNames.getOrDefault(endpoint, Set.of()).contains(field)) {
                                failures.add(endpoint + ": the body carries '" + field + "' (" + parameter.getParameterType().getSimpleName()
                                        + "): the caller's identity comes from the token; if it names someone else, declare it with bodyNames()");
                            }
                        }
                    }
                }
            }
        });
        return requests;
    }

    private Set<String> endpointsReadingBodies() {
        Set<String> endpoints = new java.util.HashSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().forEach((info, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class))) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        });
        return endpoints;
    }

    private static List<String> fieldNames(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
        }
        if (type.getName().startsWith("java.")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredFields()).filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
                    .forEach(f -> names.add(f.getName()));
        }
        return names;
    }

    /** Metrics for the scraper (and operators) only, never open or to users; health details to operators only. */
    private int verifyOperationalEndpoints(List<String> failures, Map<Kind, String> tokens, TestPlatform platform) throws Exception {
        int requests = 0;
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics")) {
            requests++;
            int open = get(path, null).statusCode();
            if (open != 401) {
                failures.add("GET " + path + " without a credential: expected 401 but got " + open);
            }
            for (Kind kind : Kind.values()) {
                requests++;
                int status = get(path, "Bearer " + tokens.get(kind)).statusCode();
                int expected = kind == Kind.OPERATOR ? 200 : 403;
                if (status != expected) {
                    failures.add("GET " + path + " as " + kind + ": expected " + expected + " but got " + status);
                }
            }
        }
        requests++;
        int scraped = get("/actuator/prometheus", platform.scraperAuthorization()).statusCode();
        if (scraped != 200) {
            failures.add("GET /actuator/prometheus with the scraper's credential: expected 200 but got " + scraped);
        }
        for (String[] odd : new String[][] {{"GET", "/api/v1/a%2Fb"}, {"GET", "/api/v1/a%00b"}, {"GET", "/api/v1/no-such-endpoint"},
                {"GET", "/api/v1/a/../../etc/passwd"}, {"TRACE", "/api/v1/x"}, {"GET", "/api/" + "p".repeat(20_000)}}) {
            requests++;
            RawHttp.Response answer = RawHttp.send(port, odd[0], odd[1], tokens.get(Kind.OPERATOR));
            String request = odd[0] + " " + odd[1].substring(0, Math.min(40, odd[1].length()));
            if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !answer.isProblemJson()) {
                failures.add(request + ": expected a 4xx problem+json but got " + answer.statusCode() + " " + answer.contentType());
            }
        }
        requests++;
        String health = get("/actuator/health", null).body();
        if (health.contains("components") || health.contains("details")) {
            failures.add("GET /actuator/health without a token shows details: " + health.substring(0, Math.min(200, health.length())));
        }
        return requests;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void expectRefused(List<String> failures, Probe probe, String as, String token, int expected) throws Exception {
        HttpResponse<String> response = call(probe, token);
        if (response.statusCode() != expected) {
            failures.add(probe + " with " + as + ": expected " + expected + " but got " + response.statusCode());
        } else if (!response.headers().firstValue("Content-Type").orElse("").contains("application/problem+json")) {
            failures.add(probe + " with " + as + ": " + expected + " is not problem+json");
        }
    }

    private HttpResponse<String> call(Probe probe, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.uri()))
                .header("Accept", "*/*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (probe.method().equals("GET") || probe.method().equals("DELETE")) {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(probe.method(), HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<Kind, String> tokens(AccessTokens tokens) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Kind, String> byKind = new LinkedHashMap<>();
        byKind.put(Kind.USER, tokens.user("authz-user-" + run));
        byKind.put(Kind.AGENT, tokens.agent("authz-agent-" + run, "JUNIOR", "authz-team-" + run));
        byKind.put(Kind.SUPERVISOR, tokens.supervisor("authz-supervisor-" + run, "SUPERVISOR"));
        byKind.put(Kind.SYSTEM, tokens.system("authz-system-" + run));
        byKind.put(Kind.OPERATOR, tokens.operator("authz-operator-" + run));
        byKind.put(Kind.MERCHANT, tokens.merchant("authz-merchant-" + run));
        byKind.put(Kind.ANCHOR, tokens.anchor("authz-anchor-" + run));
        return byKind;
    }

    /** One request shape per mapping: a method, a pattern with its variables filled with probe values, required params. */
    record Probe(String method, String pattern, String query) {
        String endpoint() {
            return method + " " + pattern;
        }

        String uri() {
            Matcher m = PATH_VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, "probe-" + m.group(1));
            }
            m.appendTail(path);
            return path + query;
        }

        @Override
        public String toString() {
            return endpoint() + query;
        }
    }

    private List<Probe> probes() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> publicPaths = Arrays.stream(context.getEnvironment().getProperty("complaints.security.public-paths", "")
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Probe> probes = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> methodNames = methods.isEmpty() ? List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                    : methods.stream().map(Enum::name).sorted().toList();
            StringBuilder query = new StringBuilder();
            info.getParamsCondition().getExpressions().stream().filter(e -> !e.isNegated()).forEach(e -> query
                    .append(query.isEmpty() ? "?" : "&").append(e.getName()).append('=')
                    .append(URLEncoder.encode(e.getValue() == null ? "probe" : e.getValue(), StandardCharsets.UTF_8)));
            for (String pattern : info.getPatternValues()) {
                if (isPublic(pattern, publicPaths)) {
                    continue;
                }
                for (String method : methodNames) {
                    probes.add(new Probe(method, pattern, query.toString()));
                }
            }
        }
        return probes;
    }

    private static boolean isPublic(String pattern, List<String> publicPaths) {
        for (String open : publicPaths) {
            if (open.equals(pattern) || (open.endsWith("/**") && pattern.startsWith(open.substring(0, open.length() - 3)))) {
                return true;
            }
        }
        return false;
    }
}

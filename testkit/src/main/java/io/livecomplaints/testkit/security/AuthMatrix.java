package io.livecomplaints.testkit.security;

import io.livecomplaints.schemas.auth.AccessTokens;
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
 */
public final class AuthMatrix {

    /**
     * The kinds of caller the platform issues tokens to (a supervisor's token also carries AGENT; a merchant's names its
     * merchant id).
     */
    public enum Kind { USER, AGENT, SUPERVISOR, SYSTEM, OPERATOR, MERCHANT }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private final ApplicationContext context;
    private final int port;
    private final Map<String, Set<Kind>> table = new LinkedHashMap<>();
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
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " deviations from the auth matrix:\n  " + String.join("\n  ", failures));
        }
        return requests;
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

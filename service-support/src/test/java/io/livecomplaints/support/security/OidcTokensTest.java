package io.livecomplaints.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.SystemClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens from a real OIDC provider (Spring Authorization Server in this JVM, {@link TestAuthorizationServer}) against a
 * service configured with {@code complaints.security.oidc.issuer-uri} and the provider's claim names, over real HTTP:
 * a person signs in through the login form (authorization code with PKCE), a system uses client credentials; roles,
 * team, tier and merchant reach {@link Caller}; the lifetime and merchant rules still apply; key rotation, foreign
 * keys, foreign issuers, {@code alg: none}, a token without roles and an unreachable JWKS are handled.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcTokensTest {

    static final String REDIRECT = "http://localhost:1/workbench/";
    static final ObjectMapper JSON = new ObjectMapper();

    static TestAuthorizationServer provider;
    static TestAuthorizationServer otherProvider;
    static ConfigurableApplicationContext service;
    static int port;

    final HttpClient http = HttpClient.newHttpClient();

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/v1/agent/me")
        Caller agent(Caller caller) {
            return caller;
        }

        @GetMapping("/api/v1/system/me")
        Caller system(Caller caller) {
            return caller;
        }

        @GetMapping("/api/v1/merchant/me")
        Caller merchant(Caller caller) {
            return caller;
        }
    }

    @BeforeAll
    static void start() {
        provider = TestAuthorizationServer.start(List.of(
                        new Person("agent-li", "li-password", List.of("AGENT"), "team-returns", "JUNIOR", null),
                        new Person("merchant-m1", "m1-password", List.of("MERCHANT"), null, null, "M-1"),
                        new Person("merchant-broken", "mb-password", List.of("MERCHANT"), null, null, null),
                        new Person("nobody", "nobody-password", List.of(), null, null, null)),
                List.of(new SystemClient("hotline", "hotline-secret", List.of("SYSTEM"))), List.of(REDIRECT));
        otherProvider = TestAuthorizationServer.start(List.of(
                        new Person("agent-li", "li-password", List.of("AGENT"), "team-returns", "JUNIOR", null)),
                List.of(), List.of(REDIRECT));
        Map<String, Object> oidc = new HashMap<>();
        oidc.put("complaints.security.oidc.issuer-uri", provider.issuer());
        service = startService(oidc);
        port = port(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (otherProvider != null) {
            otherProvider.close();
        }
    }

    static ConfigurableApplicationContext startService(Map<String, Object> oidc) {
        Map<String, Object> properties = new HashMap<>(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "spring.application.name", "oidc-test", "complaints.topics.create", "false",
                "spring.autoconfigure.exclude", "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"));
        properties.put("complaints.security.path-roles.[/api/v1/agent/**]", "AGENT,SUPERVISOR");
        properties.put("complaints.security.path-roles.[/api/v1/system/**]", "SYSTEM");
        properties.put("complaints.security.path-roles.[/api/v1/merchant/**]", "MERCHANT");
        TestAuthorizationServer.CLAIMS.forEach((claim, name) -> properties.put("complaints.security.oidc.claims." + claim, name));
        properties.putAll(oidc);
        return new SpringApplicationBuilder(App.class).properties(properties).run();
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void anAgentSignsInWithPkceAndTheServiceSeesRolesTeamAndTier() throws Exception {
        String token = new OidcClient(provider.issuer()).loginWithPkce("workbench", REDIRECT, "agent-li", "li-password");
        HttpResponse<String> me = get(port, "/api/v1/agent/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(me.body());
        assertThat(caller.path("id").asText()).isEqualTo("agent-li");
        assertThat(caller.path("roles").toString()).isEqualTo("[\"AGENT\"]");
        assertThat(caller.path("team").asText()).isEqualTo("team-returns");
        assertThat(caller.path("tier").asText()).isEqualTo("JUNIOR");
        System.out.println("OIDC agent token -> Caller " + me.body());
        assertThat(get(port, "/api/v1/system/me", token).statusCode()).as("role rules as with HS256").isEqualTo(403);
    }

    @Test
    void aSystemUsesClientCredentials() {
        String token = new OidcClient(provider.issuer()).clientCredentials("hotline", "hotline-secret");
        HttpResponse<String> me = get(port, "/api/v1/system/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"hotline\"").contains("SYSTEM");
        assertThat(get(port, "/api/v1/agent/me", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aMerchantActsForTheMerchantItsTokenNamesAndAMerchantTokenWithoutOneIsInvalid() {
        OidcClient client = new OidcClient(provider.issuer());
        HttpResponse<String> me = get(port, "/api/v1/merchant/me",
                client.loginWithPkce("workbench", REDIRECT, "merchant-m1", "m1-password"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"merchantId\":\"M-1\"");
        HttpResponse<String> broken = get(port, "/api/v1/merchant/me",
                client.loginWithPkce("workbench", REDIRECT, "merchant-broken", "mb-password"));
        assertThat(broken.statusCode()).isEqualTo(401);
        assertThat(broken.body()).contains("merchantId");
    }

    @Test
    void aTokenWithoutRolesIsForbidden() {
        String token = new OidcClient(provider.issuer()).loginWithPkce("workbench", REDIRECT, "nobody", "nobody-password");
        assertThat(get(port, "/api/v1/agent/me", token).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredTooOldForeignIssuerForeignKeyAndUnsignedTokensAreRefused() {
        Map<String, Object> agent = Map.of("sub", "agent-li", "realm_access", Map.of("roles", List.of("AGENT")),
                "agent_team", "team-returns", "agent_tier", "JUNIOR");
        Instant now = Instant.now();
        assertThat(get(port, "/api/v1/agent/me", provider.sign(agent, now.minusSeconds(60), now.plusSeconds(600)))
                .statusCode()).as("the provider's own key, fresh").isEqualTo(200);
        HttpResponse<String> expired = get(port, "/api/v1/agent/me",
                provider.sign(agent, now.minusSeconds(3600), now.minusSeconds(600)));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");
        System.out.println("OIDC expired token -> " + expired.statusCode() + " " + expired.body());
        assertThat(get(port, "/api/v1/agent/me", provider.sign(agent, now.minus(Duration.ofHours(48)), now.plusSeconds(600)))
                .statusCode()).as("iat older than token-max-age").isEqualTo(401);
        HttpResponse<String> foreignIssuer = get(port, "/api/v1/agent/me", provider.sign(
                Map.of("sub", "agent-li", "iss", "https://evil.example", "realm_access", Map.of("roles", List.of("AGENT"))),
                now, now.plusSeconds(600)));
        assertThat(foreignIssuer.statusCode()).isEqualTo(401);
        System.out.println("OIDC unknown issuer -> " + foreignIssuer.statusCode() + " " + foreignIssuer.body());
        String otherProvidersToken = new OidcClient(otherProvider.issuer())
                .loginWithPkce("workbench", REDIRECT, "agent-li", "li-password");
        HttpResponse<String> foreignKey = get(port, "/api/v1/agent/me", otherProvidersToken);
        assertThat(foreignKey.statusCode()).as("another provider's key and issuer").isEqualTo(401);
        System.out.println("OIDC key not in the JWKS -> " + foreignKey.statusCode() + " " + foreignKey.body());
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"agent-li\",\"iss\":\"" + provider.issuer()
                + "\",\"realm_access\":{\"roles\":[\"AGENT\"]},\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plusSeconds(600).getEpochSecond() + "}") + ".";
        HttpResponse<String> none = get(port, "/api/v1/agent/me", unsigned);
        assertThat(none.statusCode()).isEqualTo(401);
        System.out.println("OIDC alg none -> " + none.statusCode() + " " + none.body());
    }

    @Test
    void aRotatedSigningKeyIsPickedUpFromTheJwks() {
        OidcClient client = new OidcClient(provider.issuer());
        assertThat(get(port, "/api/v1/agent/me", client.loginWithPkce("workbench", REDIRECT, "agent-li", "li-password"))
                .statusCode()).isEqualTo(200);
        String newKey = provider.rotateKey();
        String token = client.loginWithPkce("workbench", REDIRECT, "agent-li", "li-password");
        assertThat(header(token)).contains(newKey);
        // the service has the old JWKS cached; a token naming a key it does not know makes it fetch the JWKS again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(get(port, "/api/v1/agent/me", token).statusCode()).isEqualTo(200));
    }

    @Test
    void anUnreachableJwksIsA401WithAClearLogLineAndNoStackTrace(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String jwks = "http://localhost:" + closedPort + "/oauth2/jwks";
        try (ConfigurableApplicationContext unreachable = startService(Map.of(
                "complaints.security.oidc.jwk-set-uri", jwks,
                "complaints.security.oidc.issuer-uri", provider.issuer()))) {
            String token = new OidcClient(provider.issuer()).loginWithPkce("workbench", REDIRECT, "agent-li", "li-password");
            HttpResponse<String> refused = get(port(unreachable), "/api/v1/agent/me", token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(refused.body()).contains("signing keys are unavailable").doesNotContain("Exception")
                    .doesNotContain("at org.");
            System.out.println("OIDC unreachable JWKS -> " + refused.statusCode() + " " + refused.body());
            assertThat(output.getOut() + output.getErr())
                    .contains("Token refused: the identity provider's signing keys could not be fetched from " + jwks);
        }
    }

    private HttpResponse<String> get(int port, String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

package io.livecomplaints.resolution.workbench;

import static io.livecomplaints.resolution.support.Fixtures.triaged;
import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.events.ComplaintTriaged;
import io.livecomplaints.resolution.api.ApiTestSupport;
import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.TopicWriter;
import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resolution service trusting a real OIDC provider (Spring Authorization Server, testkit): the workbench signs the
 * agent in with the authorization-code flow with PKCE in headless Chromium (login form on the provider, code back to
 * the page, token from the provider's token endpoint) and shows the agent's queue; the same provider's token works on
 * the API and an HS256 token no longer does. Leaves a screenshot in target/workbench-oidc.png.
 */
// a second instance of the service in this JVM: closed after the class, so later tests own every partition again
@org.springframework.test.annotation.DirtiesContext
@EnabledIf("chromiumInstalled")
class OidcWorkbenchBrowserTest extends ApiTestSupport {

    static final int SERVICE_PORT = freePort();
    static final String PAGE = "http://127.0.0.1:" + SERVICE_PORT + "/workbench/index.html";
    static final String TEAM_OF_LI = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
    static final TestAuthorizationServer PROVIDER = TestAuthorizationServer.start(
            List.of(new Person("agent-li", "li-password", List.of("AGENT"), TEAM_OF_LI, "SENIOR", null)),
            List.of(), List.of(PAGE));

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SERVICE_PORT);
        PROVIDER.registerWith(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void anAgentSignsInAtTheProviderAndSeesTheQueue() throws Exception {
        String id = "C-oidc-" + UUID.randomUUID().toString().substring(0, 8);
        ComplaintTriaged complaint = triaged(id, Instant.now()).setTeam(TEAM_OF_LI).setPriority(70).build();
        try (TopicWriter<ComplaintTriaged> writer = TestPlatform.get().writer(TestPlatform.get().topics().complaintsTriaged)) {
            writer.send(id, complaint);
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORT
                + "/workbench/login-config")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).contains("\"mode\":\"oidc\"", PROVIDER.issuer(), "\"clientId\":\"workbench\"");
        System.out.println("workbench login-config -> " + config.body());

        String apiToken = new OidcClient(PROVIDER.issuer()).loginWithPkce("workbench", PAGE, "agent-li", "li-password");
        assertThat(queue(http, apiToken).statusCode()).isEqualTo(200);
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORT + "/api/v1/me"))
                .header("Authorization", "Bearer " + apiToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).as("the caller after the claim mapping").isEqualTo(
                "{\"id\":\"agent-li\",\"roles\":[\"AGENT\"],\"tier\":\"SENIOR\",\"team\":\"" + TEAM_OF_LI + "\"}");
        System.out.println("GET /api/v1/me (provider token) -> " + me.body());
        assertThat(queue(http, TestPlatform.get().tokens().agent("agent-li", "SENIOR", TEAM_OF_LI)).statusCode())
                .as("HS256 tokens are refused once a provider is configured").isEqualTo(401);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.navigate(PAGE);
            browser.await("!!document.getElementById('sign-in')", "true"::equals, TIMEOUT);
            browser.eval("document.getElementById('sign-in').click()");
            browser.await("location.href.indexOf('" + PROVIDER.issuer() + "/login') === 0 && !!document.querySelector('input[name=username]')",
                    "true"::equals, TIMEOUT);
            browser.eval("(function(){ document.querySelector('input[name=username]').value = 'agent-li';"
                    + " document.querySelector('input[name=password]').value = 'li-password';"
                    + " document.querySelector('form').submit(); })()");
            browser.await("location.href.indexOf('" + PAGE + "') === 0 && document.getElementById('who') ? document.getElementById('who').textContent : ''",
                    who -> who.contains("agent-li"), TIMEOUT);
            // the header shows the tier and team the service mapped from the provider's agent_tier/agent_team claims
            browser.await("document.getElementById('who').textContent", ("agent-li · SENIOR · " + TEAM_OF_LI)::equals, TIMEOUT);
            browser.await("(function(){ document.getElementById('refresh').click(); return !!document.querySelector('tr[data-case=\"" + id + "\"]'); })()",
                    "true"::equals, TIMEOUT);
            assertThat(browser.eval("location.search")).as("the code is gone from the address").isEmpty();
            Files.write(Path.of("target", "workbench-oidc.png"), browser.screenshot());
        }
    }

    private HttpResponse<String> queue(HttpClient http, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORT + "/api/v1/queue"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

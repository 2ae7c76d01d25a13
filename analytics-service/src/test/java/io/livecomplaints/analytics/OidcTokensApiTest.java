package io.livecomplaints.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.SystemClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analytics service trusting a real OIDC provider: operators and systems read the figures, users do not. */
// a second instance of the service in this JVM: closed after the class, so later tests own every partition again
@org.springframework.test.annotation.DirtiesContext
class OidcTokensApiTest extends AnalyticsServiceTest {

    static final String REDIRECT = "http://localhost:1/ops/";
    static final TestAuthorizationServer PROVIDER = TestAuthorizationServer.start(List.of(
                    new Person("ops-oidc", "ops-password", List.of("OPERATOR"), null, null, null),
                    new Person("U-oidc-wang", "wang-password", List.of("USER"), null, null, null)),
            List.of(new SystemClient("bi-export", "bi-secret", List.of("SYSTEM"))), List.of(REDIRECT));

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        PROVIDER.registerWith(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void operatorsAndSystemsSignedInAtTheProviderReadStatsUsersDoNot() throws Exception {
        OidcClient client = new OidcClient(PROVIDER.issuer());
        String operator = client.loginWithPkce("workbench", REDIRECT, "ops-oidc", "ops-password");
        // the stores answer 503 until the streams have started
        Awaitility.await().atMost(PATIENCE).until(() -> sla(operator).statusCode() != 503);
        var asOperator = sla(operator);
        assertThat(asOperator.statusCode()).as(asOperator.body()).isEqualTo(200);
        assertThat(sla(client.clientCredentials("bi-export", "bi-secret")).statusCode()).isEqualTo(200);
        assertThat(sla(client.loginWithPkce("workbench", REDIRECT, "U-oidc-wang", "wang-password")).statusCode())
                .as("a user").isEqualTo(403);
        assertThat(sla(operator()).statusCode()).as("HS256 tokens are refused once a provider is configured").isEqualTo(401);
    }

    private HttpResponse<String> sla(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stats/sla"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}

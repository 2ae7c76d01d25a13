package io.livecomplaints.triage.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The triage service trusting a real OIDC provider: an operator signed in there reads the classifier, a user not. */
// a second instance of the service in this JVM: closed after the class, so later tests own every partition again
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcTokensApiTest {

    static final String REDIRECT = "http://localhost:1/ops/";
    static final TestAuthorizationServer PROVIDER = TestAuthorizationServer.start(List.of(
            new Person("ops-oidc", "ops-password", List.of("OPERATOR"), null, null, null),
            new Person("U-oidc-wang", "wang-password", List.of("USER"), null, null, null)), List.of(), List.of(REDIRECT));

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestPlatform.register(registry);
        PROVIDER.registerWith(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anOperatorSignedInAtTheProviderReadsTheClassifierAUserDoesNot() throws Exception {
        OidcClient client = new OidcClient(PROVIDER.issuer());
        var asOperator = classifier(client.loginWithPkce("workbench", REDIRECT, "ops-oidc", "ops-password"));
        assertThat(asOperator.statusCode()).as(asOperator.body()).isEqualTo(200);
        assertThat(classifier(client.loginWithPkce("workbench", REDIRECT, "U-oidc-wang", "wang-password")).statusCode())
                .as("a user").isEqualTo(403);
        assertThat(classifier(TestPlatform.get().tokens().operator("ops-oidc")).statusCode())
                .as("HS256 tokens are refused once a provider is configured").isEqualTo(401);
    }

    private HttpResponse<String> classifier(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/triage/classifier"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}

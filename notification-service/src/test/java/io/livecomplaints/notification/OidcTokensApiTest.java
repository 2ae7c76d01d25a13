package io.livecomplaints.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notification service trusting a real OIDC provider: a user signed in there reads their own inbox only. */
// a second instance of the service in this JVM: closed after the class, so later tests own every partition again
@org.springframework.test.annotation.DirtiesContext
class OidcTokensApiTest extends ServiceTestBase {

    static final String REDIRECT = "http://localhost:1/app/";
    static final TestAuthorizationServer PROVIDER = TestAuthorizationServer.start(List.of(
            new Person("U-oidc-wang", "wang-password", List.of("USER"), null, null, null)), List.of(), List.of(REDIRECT));

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        PROVIDER.registerWith(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aUserSignedInAtTheProviderReadsTheirOwnInboxOnly() throws Exception {
        String wang = new OidcClient(PROVIDER.issuer()).loginWithPkce("workbench", REDIRECT, "U-oidc-wang", "wang-password");

        // the inbox store answers 503 until the stream has started
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/inbox/U-oidc-wang", wang).statusCode() != 503);
        var own = get("/api/v1/inbox/U-oidc-wang", wang);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(get("/api/v1/inbox/U-oidc-zhao", wang).statusCode()).as("another user's inbox").isEqualTo(404);
        assertThat(get("/api/v1/inbox/U-oidc-wang", TestPlatform.get().tokens().user("U-oidc-wang")).statusCode())
                .as("HS256 tokens are refused once a provider is configured").isEqualTo(401);
    }
}

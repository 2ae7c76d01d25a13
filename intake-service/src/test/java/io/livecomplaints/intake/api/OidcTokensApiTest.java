package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.testkit.TestPlatform;
import io.livecomplaints.testkit.auth.OidcClient;
import io.livecomplaints.testkit.auth.TestAuthorizationServer;
import io.livecomplaints.testkit.auth.TestAuthorizationServer.Person;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake service trusting a real OIDC provider: users signed in there file and read complaints as before. */
// a second instance of the service in this JVM: closed after the class, so later tests own every partition again
@org.springframework.test.annotation.DirtiesContext
class OidcTokensApiTest extends IntakeApiTestSupport {

    static final String REDIRECT = "http://localhost:1/app/";
    static final TestAuthorizationServer PROVIDER = TestAuthorizationServer.start(List.of(
            new Person("U-oidc-wang", "wang-password", List.of("USER"), null, null, null),
            new Person("U-oidc-zhao", "zhao-password", List.of("USER"), null, null, null)), List.of(), List.of(REDIRECT));

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        PROVIDER.registerWith(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aUserSignedInAtTheProviderFilesAndOnlyTheyReadIt() throws Exception {
        OidcClient client = new OidcClient(PROVIDER.issuer());
        String wang = client.loginWithPkce("workbench", REDIRECT, "U-oidc-wang", "wang-password");
        String zhao = client.loginWithPkce("workbench", REDIRECT, "U-oidc-zhao", "zhao-password");

        var filed = post(wang, "{\"channel\":\"IM\",\"text\":\"退款一直没到账\"}");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        String id = complaintId(filed);
        assertThat(get(wang, "/api/v1/complaints/" + id).statusCode()).isEqualTo(200);
        assertThat(get(zhao, "/api/v1/complaints/" + id).statusCode()).as("another user").isEqualTo(404);
        assertThat(post(TestPlatform.get().tokens().user("U-oidc-wang"), "{\"channel\":\"IM\",\"text\":\"退款一直没到账\"}")
                .statusCode()).as("HS256 tokens are refused once a provider is configured").isEqualTo(401);
    }
}

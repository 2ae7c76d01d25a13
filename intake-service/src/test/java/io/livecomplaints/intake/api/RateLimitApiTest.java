package io.livecomplaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Past the per-user limit (10 per hour in these tests) the answer is 429 with Retry-After. */
class RateLimitApiTest extends IntakeApiTestSupport {

    @Test
    void aUserOverTheLimitIsToldWhenToRetry() throws Exception {
        String token = userToken(newUser());
        for (int i = 0; i < 10; i++) {
            // invalid bodies: they count against the limit but write nothing
            assertThat(post(token, "{\"channel\":\"APP_CHAT\"}").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> refused = post(token, "{\"channel\":\"APP_CHAT\",\"text\":\"客服不回复\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(post(userToken(newUser()), "{\"channel\":\"APP_CHAT\",\"text\":\"客服不回复\"}").statusCode())
                .as("another user is not limited").isEqualTo(202);
    }
}

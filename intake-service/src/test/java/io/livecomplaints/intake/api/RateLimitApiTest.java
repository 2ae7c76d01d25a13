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

    /**
     * Issue 20 #13: replays of a filed complaint (same Idempotency-Key and body) are answered with that complaint and
     * are not charged: 15 replays, then the user's remaining 9 new complaints are all accepted, the 11th new one is 429.
     */
    @Test
    void idempotentReplaysAreNotCharged() throws Exception {
        String token = userToken(newUser());
        String body = "{\"channel\":\"APP_CHAT\",\"text\":\"客服不回复\"}";
        assertThat(post(token, body, "key-first").statusCode()).isEqualTo(202);
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> replay = post(token, body, "key-first");
            assertThat(replay.statusCode()).as("replay " + i + ": " + replay.body()).isEqualTo(202);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
        for (int i = 0; i < 9; i++) {
            assertThat(post(token, body, "key-" + i).statusCode()).as("new complaint " + (i + 2)).isEqualTo(202);
        }
        assertThat(post(token, body, "key-over").statusCode()).as("the 11th new complaint").isEqualTo(429);
        assertThat(post(token, body, "key-first").statusCode()).as("a replay past the limit is still answered").isEqualTo(202);
    }
}

package io.livecomplaints.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livecomplaints.intake.ratelimit.model.RetryAfter;
import io.livecomplaints.support.security.Caller;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestRateLimitsTest {

    // periods of an hour: the limits cannot refill while a test runs
    private final RequestRateLimits limits = new RequestRateLimits(new RateLimitProperties(
            new RateLimitProperties.Limit(3, Duration.ofHours(1)),
            new RateLimitProperties.Limit(5, Duration.ofHours(1)),
            new RateLimitProperties.Limit(2, Duration.ofHours(1)), 1000));

    private static Caller user(String id) {
        return new Caller(id, Set.of("USER"), null, null);
    }

    @Test
    void oneUserIsLimitedAndToldWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            limits.admit(user("U-1"), "10.0.0.1");
        }
        assertThatThrownBy(() -> limits.admit(user("U-1"), "10.0.0.2"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds().orElseThrow()).isBetween(1100L, 1200L)); // the next of 3 per hour: 20 min
        limits.admit(user("U-2"), "10.0.0.2");
    }

    @Test
    void oneIpAddressIsLimitedAcrossUsers() {
        for (int i = 0; i < 5; i++) {
            limits.admit(user("U-" + i), "10.0.0.9");
        }
        assertThatThrownBy(() -> limits.admit(user("U-new"), "10.0.0.9")).isInstanceOf(RateLimitedException.class);
        limits.admit(user("U-new"), "10.0.0.10");
    }

    @Test
    void aSystemHasItsOwnLimitAndItsUsersTheirs() {
        Caller hotline = new Caller("hotline", Set.of("SYSTEM"), null, null);
        limits.admit(hotline, "10.0.0.1");
        limits.admit(hotline, "10.0.0.1");
        assertThatThrownBy(() -> limits.admit(hotline, "10.0.0.1")).isInstanceOf(RateLimitedException.class);
        limits.admit(new Caller("regulator-feed", Set.of("SYSTEM"), null, null), "10.0.0.1");

        for (int i = 0; i < 3; i++) {
            limits.admitUser("U-called");
        }
        assertThatThrownBy(() -> limits.admitUser("U-called")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void retryAfterIsWholeSecondsAndNeverZero() {
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(RetryAfter.seconds(Duration.ofMillis(-5))).isEqualTo(1);
    }
}

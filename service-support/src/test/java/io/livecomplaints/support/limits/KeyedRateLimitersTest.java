package io.livecomplaints.support.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 #13: the fixed window let a full window through at its end and another at the start of the next (~20 in
 * ~2 s for 10 per minute). The token bucket admits the burst once, then one per period/limit.
 */
class KeyedRateLimitersTest {

    private final AtomicLong now = new AtomicLong(0);
    private final KeyedRateLimiters limiters = new KeyedRateLimiters("for this user", 10, Duration.ofMinutes(1), 100, now::get);

    private int admittedWithin(Duration span, Duration step) {
        int admitted = 0;
        for (long t = 0; t <= span.toNanos(); t += step.toNanos()) {
            now.addAndGet(step.toNanos());
            if (limiters.acquire("U-1").isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aBurstAcrossWhatWouldBeAWindowBoundaryIsNotDoubled() {
        now.set(Duration.ofSeconds(59).toNanos()); // just before a fixed window would have turned over
        int admitted = admittedWithin(Duration.ofSeconds(2), Duration.ofMillis(50));
        assertThat(admitted).as("10 at once, then one per 6 s").isEqualTo(10);
    }

    @Test
    void afterTheBurstOnePermissionPerPeriodOverLimitWithTheWaitTold() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiters.acquire("U-2")).isEmpty();
        }
        assertThat(limiters.acquire("U-2")).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6)));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiters.acquire("U-2")).isEmpty();
        assertThat(limiters.acquire("U-2")).isPresent();
        assertThat(limiters.acquire("U-3")).as("another key").isEmpty();
    }

    @Test
    void overAMinuteNoMoreThanTheLimitPlusTheBurst() {
        assertThat(admittedWithin(Duration.ofSeconds(60), Duration.ofMillis(100))).isBetween(19, 20);
    }
}

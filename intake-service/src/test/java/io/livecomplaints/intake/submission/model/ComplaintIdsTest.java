package io.livecomplaints.intake.submission.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComplaintIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void idsCarryTheDayAndTwelveHexDigits() {
        assertThat(ComplaintIds.next(NOW)).matches("C-20261123-[0-9a-f]{12}");
        assertThat(ComplaintIds.next(NOW)).isNotEqualTo(ComplaintIds.next(NOW));
    }

    @Test
    void theSameKeyGivesTheSameIdOnTheSameDaySoRacingInstancesAgree() {
        assertThat(ComplaintIds.forKey("api/U-1/k1", NOW)).isEqualTo(ComplaintIds.forKey("api/U-1/k1", NOW.plusSeconds(60)))
                .matches("C-20261123-[0-9a-f]{12}")
                .isNotEqualTo(ComplaintIds.forKey("api/U-1/k2", NOW));
    }
}

package io.livecomplaints.analytics.review.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    @Test
    void offendersAreRankedByComplaintRateAmongThoseWithEnoughComplaints() {
        List<ComplaintRate> ranked = RecurringOffenders.rank(
                Map.of("M-1", 4L, "M-2", 9L, "M-3", 1L, "M-4", 3L),
                Map.of("M-1", 8L, "M-2", 90L, "M-3", 1L), 3, 10);
        assertThat(ranked).extracting(ComplaintRate::id).containsExactly("M-1", "M-2", "M-4");
        assertThat(ranked.get(0).rate()).isEqualTo(0.5);
        assertThat(ranked.get(2).rate()).isNull(); // no orders known: unknown rate, ranked last
        assertThat(RecurringOffenders.rank(Map.of("M-1", 4L, "M-2", 9L), Map.of(), 3, 1)).extracting(ComplaintRate::id).containsExactly("M-2");
    }

    @Test
    void technicalTimeSlotsAreHoursOfTheDayInTheReportZone() {
        Map<Instant, Long> hourly = Map.of(
                Instant.parse("2026-11-20T12:00:00Z"), 3L,   // 20:00 in Shanghai
                Instant.parse("2026-11-21T12:00:00Z"), 2L,   // 20:00 again, the next day
                Instant.parse("2026-11-21T01:00:00Z"), 4L,   // 09:00
                Instant.parse("2026-11-21T02:00:00Z"), 0L);
        assertThat(TechnicalHotspots.timeSlots(hourly, ZoneId.of("Asia/Shanghai"), 5)).containsExactly(
                new TechnicalHotspots.TimeSlot("20:00-21:00", 5), new TechnicalHotspots.TimeSlot("09:00-10:00", 4));
        assertThat(TechnicalHotspots.regions(Map.of("east", 2L, "south", 5L, "west", 2L), 2)).containsExactly(
                new TechnicalHotspots.Region("south", 5), new TechnicalHotspots.Region("east", 2));
    }

    @Test
    void typesWhoseBreachRateRoseByTheThresholdAreNamed() {
        List<BreachRateRises.Rise> rises = BreachRateRises.find(
                Map.of("LOGISTICS", 10L, "PRICE", 10L, "SERVICE", 4L, "FUNDS_SAFETY", 2L),
                Map.of("LOGISTICS", 5L, "PRICE", 2L, "SERVICE", 1L, "FUNDS_SAFETY", 0L),
                Map.of("LOGISTICS", 10L, "PRICE", 10L, "FUNDS_SAFETY", 2L),
                Map.of("LOGISTICS", 1L, "PRICE", 2L, "FUNDS_SAFETY", 1L), 0.05);
        assertThat(rises).extracting(BreachRateRises.Rise::type).containsExactly("LOGISTICS", "SERVICE");
        assertThat(rises.get(0).previousRate()).isEqualTo(0.1);
        assertThat(rises.get(0).currentRate()).isEqualTo(0.5);
        assertThat(rises.get(1).previousRate()).isZero(); // no complaints before: a rise from 0
    }

    @Test
    void findingsNameTheTopOfEachList() {
        ReviewReport report = ReviewReport.of(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), 12, 7,
                List.of(ComplaintRate.of("M-1", 4, 8)), List.of(), List.of(ComplaintRate.of("SKU-9", 3, 0)),
                List.of(new TechnicalHotspots.TimeSlot("20:00-21:00", 5)), List.of(new TechnicalHotspots.Region("east", 2)),
                List.of(new BreachRateRises.Rise("LOGISTICS", 10, 0.1, 0.5)));
        assertThat(report.findings()).containsExactly("12 complaints (previous period: 7)",
                "merchant M-1: 4 complaints on 8 orders (50.0%)", "product SKU-9: 3 complaints",
                "technical complaints peak at 20:00-21:00 (5)", "CDN region east has the most technical complaints (2)",
                "LOGISTICS: SLA breach rate rose from 10% to 50%");
    }
}

package io.livecomplaints.analytics.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecomplaints.analytics.mix.model.ComplaintRate;
import io.livecomplaints.analytics.review.model.BreachRateRises;
import io.livecomplaints.analytics.review.model.ReviewReport;
import io.livecomplaints.analytics.review.model.TechnicalHotspots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewReportHtmlTest {

    @Test
    void rendersEveryListEscapedAsAStandalonePage() throws Exception {
        ReviewReport report = ReviewReport.of(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"), 128, 97,
                List.of(ComplaintRate.of("M-201", 14, 60), ComplaintRate.of("<script>alert(1)</script>", 5, 80)),
                List.of(ComplaintRate.of("A-12", 11, 90)), List.of(ComplaintRate.of("SKU-5521", 9, 0)),
                List.of(new TechnicalHotspots.TimeSlot("20:00-21:00", 17), new TechnicalHotspots.TimeSlot("21:00-22:00", 9)),
                List.of(new TechnicalHotspots.Region("east-china", 21)),
                List.of(new BreachRateRises.Rise("LOGISTICS", 30, 0.1, 0.3)));
        String html = ReviewReportHtml.render(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/review-report-example.html"), html);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>")
                .contains("M-201", "23.3%", "20:00-21:00", "east-china", "LOGISTICS", "10.0%", "30.0%", "128", "97")
                .contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(html).contains("product SKU-5521: 9 complaints"); // a rate without orders is not invented
    }
}

package io.livecomplaints.analytics.review;

import io.livecomplaints.analytics.review.model.ReviewReport;
import io.livecomplaints.analytics.web.StatsParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/review?from=&to=}: the review report of a period, as JSON, or as a readable HTML page
 * with {@code ?format=html} or (without a format) when the Accept header asks for text/html, as browsers do.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR','SYSTEM')")
class ReviewReportController {

    private final ReviewReports reports;

    ReviewReportController(ReviewReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/review")
    ResponseEntity<?> review(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (format != null && !format.equals("html") && !format.equals("json")) {
            throw StatsParameters.badParameter("format", "format must be json or html");
        }
        boolean html = format == null ? accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) : format.equals("html");
        ReviewReport report = reports.review(StatsParameters.period(from, to));
        if (html) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(ReviewReportHtml.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}

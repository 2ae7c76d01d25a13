package io.livecomplaints.resolution.regulator.web;

import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.resolution.caseview.CaseQueries;
import io.livecomplaints.resolution.regulator.model.RegulatorReport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/regulator?from&to}: the cases forwarded by regulators (12315, 消协) received in
 * [from, to), as CSV for the reply to the regulator, from this instance's global replica of complaint-cases (the one
 * {@code GET /api/v1/cases} searches).
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'OPERATOR')")
class RegulatorReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final CaseQueries queries;

    RegulatorReportController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/reports/regulator")
    ResponseEntity<String> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Map<String, String> problems = new LinkedHashMap<>();
        Instant start = instant("from", from, problems);
        Instant end = instant("to", to, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.put("to", "must be after from");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        String csv = RegulatorReport.csv(queries.all(c -> RegulatorReport.includes(c, start, end)));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"regulator-cases.csv\"")
                .body(csv);
    }

    private static Instant instant(String name, String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.put(name, "is required: an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(name, "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
            return null;
        }
    }
}

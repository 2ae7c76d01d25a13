package io.livecomplaints.resolution.problems;

import io.livecomplaints.resolution.cases.CaseQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of this service's API as application/problem+json; a 400 lists each bad field under {@code errors}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details handler, to name the bad field
class ApiProblems {

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", errors(e.fieldErrors()));
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    // an unreadable body (400 naming the field, 413 past the streamed cap): service-support's ApiRequestProblems

    @ExceptionHandler(CaseQueries.StoreUnavailableException.class)
    ProblemDetail unavailable(CaseQueries.StoreUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Cases not available yet");
        return problem;
    }

    private static List<Map<String, String>> errors(Map<String, String> fieldErrors) {
        List<Map<String, String>> errors = new ArrayList<>();
        fieldErrors.forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
        return errors;
    }
}

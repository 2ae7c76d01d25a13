package io.livecomplaints.resolution.api;

import io.livecomplaints.resolution.cases.CaseQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;

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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = databind.getPath().get(databind.getPath().size() - 1).getPropertyName();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " cannot be read");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors(Map.of(field, "has an invalid value")));
        return problem;
    }

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

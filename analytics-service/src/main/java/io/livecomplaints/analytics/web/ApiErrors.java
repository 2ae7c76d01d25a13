package io.livecomplaints.analytics.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Analytics' own errors as application/problem+json; a bad parameter names its field. A parameter Spring could not
 * convert (e.g. a malformed instant) and Spring MVC's other errors are service-support's ApiProblemAdvice.
 */
@RestControllerAdvice
class ApiErrors {

    /** A value the rules refuse (unknown dimension, from after to, a period older than what is kept): 400. */
    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badValue(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        if (e.field().equals("from") || e.field().equals("to")) {
            problem.setProperty("earliest", StatsParameters.EARLIEST.toString());
            problem.setProperty("latest", StatsParameters.LATEST.toString());
        }
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}

package io.livecomplaints.intake.web;

import io.livecomplaints.intake.submission.IdempotentFiling.IdempotencyConflictException;
import io.livecomplaints.intake.kafka.IntakeQueries.StoreUnavailableException;
import io.livecomplaints.intake.ratelimit.RateLimitedException;
import io.livecomplaints.intake.submission.kafka.ComplaintPublisher.PublishFailedException;
import io.livecomplaints.intake.validation.model.FieldViolation;
import io.livecomplaints.intake.validation.model.InvalidComplaintException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the intake API as application/problem+json: 400 names each bad field in {@code errors} (an
 * unreadable body and the 413 for an oversize one are service-support's ApiRequestProblems, as in every service), 422 for a reused idempotency key, 429 and 503 with Retry-After.
 */
@RestControllerAdvice
class IntakeProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);
    private static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

    @ExceptionHandler(InvalidComplaintException.class)
    ProblemDetail invalid(InvalidComplaintException e) {
        return badRequest(e.violations());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail conflict(IdempotencyConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used for complaint " + e.complaintId()
                        + " with another request body; use a new key for a new complaint.");
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("complaintId", e.complaintId());
        return problem;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many complaints");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> notRecorded(PublishFailedException e) {
        log.warn("complaint not recorded, answering 503: {}", e.getMessage());
        return unavailable("The complaint could not be recorded now; nothing was filed. Please retry.");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        log.warn("answering 503: {}", e.getMessage());
        return unavailable("Intake is starting or catching up; nothing was filed. Please retry.");
    }

    private static ProblemDetail badRequest(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: "
                + violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", ")));
        problem.setTitle("Invalid complaint");
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Intake unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_UNAVAILABLE_SECONDS)).body(problem);
    }
}

package io.livecomplaints.support.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * An API error a controller (or anything it calls) throws; the shared advice ({@link ApiProblemAdvice}) and the
 filters ({@link ProblemRenderer}) answer it as application/problem+json (RFC 9457, as Spring writes a
 * {@code ProblemDetail}): {@code detail}, {@code instance} (the path), {@code status}, {@code title}, then the extra
 * members in the order they were added ({@code field}, {@code errors[{field,message}]}, anything else), and a
 * {@code Retry-After} header when one is set.
 *
 * <p>Built, then thrown: {@code throw ApiProblem.conflict("Already answered", "This survey was answered already");}
 * or {@code throw ApiProblem.unavailable("Intake unavailable", "...").retryAfter(5);}. A service's own exception may
 * extend it to be answered the same way. A null title is answered with the status's reason phrase ("Bad Request").
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatusCode status;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public ApiProblem(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiProblem(HttpStatusCode status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    /** One bad value as a problem lists it under {@code errors}. */
    public record FieldError(String field, String message) {

        /** {@code "a is required; b is too long"}: each field with its message. */
        public static String describe(List<FieldError> errors) {
            return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        }

        /** {@code "Invalid fields: a, b"}: the distinct field names. */
        public static String names(List<FieldError> errors) {
            return "Invalid fields: " + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        }
    }

    public static ApiProblem of(HttpStatusCode status, String title, String detail) {
        return new ApiProblem(status, title, detail);
    }

    /**
     * 400 naming one bad field, the style of every unreadable body: title "Invalid request", detail
     * "Invalid fields: {field}", members {@code field} and {@code errors[{field,message}]}.
     */
    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + field)
                .field(field).errors(List.of(new FieldError(field, message)));
    }

    /** 400 listing each bad field under {@code errors}; detail "Invalid fields: a, b". */
    public static ApiProblem invalid(String title, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, title, FieldError.names(errors)).errors(errors);
    }

    /**
     * 400 "Invalid request" listing each bad field under {@code errors}, in the map's order, the detail saying each
     * field with its message ({@code "a is required; b is too long"}).
     */
    public static ApiProblem invalid(Map<String, String> fieldErrors) {
        List<FieldError> errors = fieldErrors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", FieldError.describe(errors)).errors(errors);
    }

    public static ApiProblem forbidden(String title, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, title, detail);
    }

    public static ApiProblem notFound(String title, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, title, detail);
    }

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail);
    }

    /** 429 with Retry-After. */
    public static ApiProblem tooManyRequests(String title, String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, title, detail).retryAfter(retryAfterSeconds);
    }

    /** 503; add {@link #retryAfter(long)} when the client should come back. */
    public static ApiProblem unavailable(String title, String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, title, detail);
    }

    /** The {@code field} member: the one field a client should look at. */
    public ApiProblem field(String field) {
        return with("field", field);
    }

    /** The {@code errors} member: {@code [{field, message}, ...]} in the given order. */
    public ApiProblem errors(List<FieldError> errors) {
        return with("errors", List.copyOf(errors));
    }

    /** Any other member of the problem, e.g. {@code complaintId}; members keep the order they were added in. */
    public ApiProblem with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** The Retry-After header, in whole seconds (at least 1: a 0 invites a hot loop). */
    public ApiProblem retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** The body: what {@link ProblemRenderer} writes and the advice returns. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        if (title != null) {
            problem.setTitle(title);
        }
        members.forEach(problem::setProperty);
        return problem;
    }
}

package io.livecomplaints.support.web;

import io.livecomplaints.support.kafka.publish.PublishFailedException;
import io.livecomplaints.support.limits.BodyTooLargeException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every service's API errors as problem+json, one style, before any service's own advice:
 * <ul>
 * <li>{@link ApiProblem} (and a service's exceptions that extend it) as it says, with Retry-After when it has one;</li>
 * <li>{@link PublishFailedException}: 503 with Retry-After, in the words the publisher was given;</li>
 * <li>a Kafka Streams state store that cannot be read now ({@code InvalidStateStoreException}: its partition is moving
 * or restoring): 503 with Retry-After, never a 500;</li>
 * <li>a request body that cannot be read: 413 when it grew past the streamed cap ({@code complaints.api.request-max-bytes},
 * chunked or not), else 400 naming the field ({@code field} and {@code errors[{field,message}]}): a value of the
 * wrong type ({@link StrictJsonAutoConfiguration} refuses coercion), a key given twice, nesting past Jackson's limit,
 * not JSON at all ({@code body});</li>
 * <li>a path or query parameter Spring could not convert: 400 naming it in {@code field};</li>
 * <li>a {@code @Valid} body that fails its constraints: 400 listing each field;</li>
 * <li>Spring MVC's other exceptions (405, 415, a missing parameter ...) as Spring's standard problem details.</li>
 * </ul>
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
    private static final long STORE_RETRY_AFTER_SECONDS = 2;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]{1,100})\"");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return ProblemRenderer.entity(problem);
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> notRecorded(PublishFailedException e) {
        log.warn("not recorded, answering 503: {}", e.getMessage());
        return ProblemRenderer.entity(e.answer());
    }

    /** A state store read while its partition moves or restores (Kafka Streams rebalancing): 503, retry shortly. */
    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeMoving(InvalidStateStoreException e) {
        log.warn("state store not readable now, answering 503: {}", e.getMessage());
        return ProblemRenderer.entity(ApiProblem.unavailable("Temporarily unavailable",
                "This data is being moved between instances. Please retry.").retryAfter(STORE_RETRY_AFTER_SECONDS));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return answer(unreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException parameter) {
            return answer(new ApiProblem(HttpStatus.BAD_REQUEST, null,
                    "parameter '" + parameter.getName() + "' has an invalid value: " + parameter.getValue()).field(parameter.getName()));
        }
        return super.handleTypeMismatch(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage())).toList();
        if (errors.isEmpty()) {
            return super.handleMethodArgumentNotValid(e, headers, status, request);
        }
        return answer(ApiProblem.invalid("Invalid request", errors).field(errors.get(0).field()));
    }

    private static ResponseEntity<Object> answer(ApiProblem problem) {
        ResponseEntity<ProblemDetail> entity = ProblemRenderer.entity(problem);
        return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders()).body(entity.getBody());
    }

    static ApiProblem unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException tooLarge) {
                return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                        "The request body is larger than " + tooLarge.maxBytes() + " bytes");
            }
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof StreamConstraintsException) {
                return ApiProblem.badRequest("body", "is nested too deeply or too large");
            }
            if (c instanceof StreamReadException read) {
                Matcher duplicate = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
                if (duplicate.find()) {
                    String field = path(read);
                    String name = field.equals("body") ? duplicate.group(1) : field + "." + duplicate.group(1);
                    return ApiProblem.badRequest(name, "is given more than once");
                }
                return ApiProblem.badRequest("body", "is not valid JSON");
            }
            if (c instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return ApiProblem.badRequest(path(jackson), "has the wrong type or format (numbers must be JSON numbers of "
                        + "the right kind, without quotes or fractions where a whole number is expected)");
            }
        }
        return ApiProblem.badRequest("body", "is missing or not a JSON object of the expected shape");
    }

    /** evidence[0].url from Jackson's path of the bad value. */
    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}

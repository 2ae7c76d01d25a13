package io.livecomplaints.support.web;

import io.livecomplaints.support.limits.BodyTooLargeException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request body that cannot be read, the same answer in every service (before any service's own advice): 413 when
 * it grew past the streamed cap ({@code complaints.api.request-max-bytes}, chunked or not), else 400 naming the field
 * ({@code field} and {@code errors[{field,message}]}): a value of the wrong type ({@link StrictJsonAutoConfiguration}
 * refuses coercion), a key given twice, nesting past Jackson's limit, not JSON at all ({@code body}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiRequestProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]{1,100})\"");

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                        "The request body is larger than " + tooLarge.maxBytes() + " bytes");
                problem.setTitle("Request too large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
            }
        }
        return ResponseEntity.badRequest().body(badField(e));
    }

    private static ProblemDetail badField(HttpMessageNotReadableException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof StreamConstraintsException) {
                return bad("body", "is nested too deeply or too large");
            }
            if (c instanceof StreamReadException read) {
                Matcher duplicate = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
                if (duplicate.find()) {
                    String field = path(read);
                    String name = field.equals("body") ? duplicate.group(1) : field + "." + duplicate.group(1);
                    return bad(name, "is given more than once");
                }
                return bad("body", "is not valid JSON");
            }
            if (c instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return bad(path(jackson), "has the wrong type or format (numbers must be JSON numbers of the right kind, "
                        + "without quotes or fractions where a whole number is expected)");
            }
        }
        return bad("body", "is missing or not a JSON object of the expected shape");
    }

    private static ProblemDetail bad(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + field);
        problem.setTitle("Invalid request");
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
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

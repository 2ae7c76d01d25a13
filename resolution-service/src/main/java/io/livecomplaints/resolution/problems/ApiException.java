package io.livecomplaints.resolution.problems;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An API error that becomes an application/problem+json answer (see {@link ApiProblems}). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String title, String detail, Map<String, String> fieldErrors,
                        Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = fieldErrors;
        this.properties = properties;
    }

    /** 400 naming each bad field. */
    public static ApiException invalid(Map<String, String> fieldErrors) {
        StringBuilder detail = new StringBuilder();
        fieldErrors.forEach((f, m) -> detail.append(detail.length() == 0 ? "" : "; ").append(f).append(' ').append(m));
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail.toString(), fieldErrors, Map.of());
    }

    /** 404: the case does not exist or is not the caller's to see (object-level authorization). */
    public static ApiException notFound(String complaintId) {
        return new ApiException(HttpStatus.NOT_FOUND, "Case not found", "No case " + complaintId + " that you may see",
                Map.of(), Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

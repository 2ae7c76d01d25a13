package io.livecomplaints.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a problem becomes an answer. Spring MVC answers what {@link #entity(ApiProblem)} returns (the shared
 * advice, the error page); whatever answers outside Spring MVC (security's 401/403, the API limits' 413/429, the
 * firewall's rejections, Tomcat's own error reports) writes with {@link #write} or {@link #json}, the same members
 * in the same order as Spring writes a {@link ProblemDetail}: type, title, status, detail, instance, then the extra
 * members. {@code <} and {@code >} are escaped in what this class writes: never markup, whatever a path contains.
 */
public final class ProblemRenderer {

    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final int MAX_INSTANCE_CHARS = 200;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder().characterEscapes(new NoMarkup()).build())
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemRenderer() {
    }

    /** For Spring MVC: the status, problem+json and the Retry-After header when the problem has one. */
    public static ResponseEntity<ProblemDetail> entity(ApiProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return answer.body(problem.toProblemDetail());
    }

    /** For filters and handlers outside Spring MVC: the whole answer, its instance the request's path. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        ProblemDetail body = problem.toProblemDetail();
        body.setInstance(instance(request.getRequestURI()));
        response.setStatus(problem.status().value());
        problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(body));
    }

    /** The JSON of a problem, for a writer that sets status and content type itself (Tomcat's error reports). */
    public static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(problem);
    }

    /** The standard title of a status, e.g. "Bad Request". */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static URI instance(String path) {
        if (path == null) {
            return null;
        }
        String shown = path.length() > MAX_INSTANCE_CHARS ? path.substring(0, MAX_INSTANCE_CHARS) + "…" : path;
        try {
            return URI.create(shown);
        } catch (IllegalArgumentException e) {
            return null; // not a URI reference (a raw % or space that Tomcat let through): no instance rather than none at all
        }
    }

    /** JSON's escapes plus {@code <} and {@code >} as {@code \\u003c} / {@code \\u003e}. */
    private static final class NoMarkup extends CharacterEscapes {
        private static final int[] ESCAPES = standardAsciiEscapesForJSON();

        static {
            ESCAPES['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ESCAPES['>'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

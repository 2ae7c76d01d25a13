package io.livecomplaints.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error reports (an encoded slash or {@code %00} in the path, a path too long, a request Tomcat refuses
 * before any servlet sees it) as problem+json instead of Tomcat's HTML page; no server version, no stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(ProblemRenderer.CONTENT_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                ProblemDetail problem = ApiProblem.of(HttpStatusCode.valueOf(status), ProblemRenderer.title(status), detail(status)).toProblemDetail();
                writer.write(ProblemRenderer.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was already written: nothing more to tell
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, query or headers cannot be accepted)";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 413, 414, 431 -> "The request is too large";
            default -> "The request could not be handled";
        };
    }
}

package io.livecomplaints.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one problem+json shape (RFC 9457, as Spring's {@code ProblemDetail} writes it) for answers written outside
 * Spring MVC: security's 401/403, the API limits' 413/429, the firewall's rejections, the error page and Tomcat's
 * own error reports.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String instance) throws IOException {
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, title, detail, instance));
    }

    public static String json(int status, String title, String detail, String instance) {
        StringBuilder out = new StringBuilder("{\"type\":\"about:blank\",\"title\":");
        quote(out, title);
        out.append(",\"status\":").append(status).append(",\"detail\":");
        quote(out, detail);
        if (instance != null) {
            out.append(",\"instance\":");
            quote(out, instance.length() > 200 ? instance.substring(0, 200) + "…" : instance);
        }
        return out.append('}').toString();
    }

    /** The standard title of a status, e.g. "Bad Request". */
    public static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c"); // never markup, whatever a path contains
                case '>' -> out.append("\\u003e");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

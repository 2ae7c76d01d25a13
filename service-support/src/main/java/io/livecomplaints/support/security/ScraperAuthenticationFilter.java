package io.livecomplaints.support.security;

import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.web.ProblemRenderer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics scraper's own credential: HTTP Basic with {@code complaints.security.scraper.username} and the password
 * from the environment ({@code COMPLAINTS_SECURITY_SCRAPER_PASSWORD}), accepted only on the metrics endpoints and
 * granting only {@code ROLE_SCRAPER}. Prometheus cannot mint our JWTs, and a long-lived JWT with a role would be a
 * key to more than metrics. Without a configured password no Basic credential is accepted at all.
 */
final class ScraperAuthenticationFilter extends OncePerRequestFilter {

    static final String ROLE = "SCRAPER";

    private final byte[] expected;

    ScraperAuthenticationFilter(SecurityProperties.Scraper scraper) {
        this.expected = scraper.password() == null || scraper.password().isBlank() ? null
                : (scraper.username() + ":" + scraper.password()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || !isMetrics(request.getRequestURI());
    }

    static boolean isMetrics(String path) {
        return path.equals("/actuator/prometheus") || path.equals("/actuator/metrics") || path.startsWith("/actuator/metrics/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(request.getHeader("Authorization").substring(6).strip());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (expected == null || !MessageDigest.isEqual(expected, given)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
            ProblemRenderer.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The scraper's credential is not valid"));
            return;
        }
        String username = new String(expected, StandardCharsets.UTF_8);
        username = username.substring(0, username.indexOf(':'));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        chain.doFilter(request, response);
    }
}

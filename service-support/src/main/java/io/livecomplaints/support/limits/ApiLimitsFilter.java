package io.livecomplaints.support.limits;

import java.time.Duration;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.livecomplaints.support.web.ApiProblem;
import io.livecomplaints.support.web.ProblemRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits of every API ({@code /api/**}, {@code /internal/**}), after authentication: a body announced larger
 * than the cap is refused with 413 before it is read, a body that grows past it while it is read (chunked) fails with
 * {@link BodyTooLargeException}, also 413 (ApiProblemAdvice), and a caller (the token's subject; the client IP when there is none) past its
 * rate gets 429 with Retry-After, both as problem+json. A service may add stricter limits of its own (intake does).
 */
public class ApiLimitsFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final KeyedRateLimiters limiters;

    public ApiLimitsFilter(ApiLimitsProperties properties) {
        this.maxBytes = properties.requestMaxBytes();
        this.limiters = properties.rateLimit() != null && properties.rateLimit().enabled()
                ? new KeyedRateLimiters("api", properties.rateLimit().limit(), properties.rateLimit().period(),
                        properties.rateLimit().maxTrackedKeys()) : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/internal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxBytes > 0 && request.getContentLengthLong() > maxBytes) {
            ProblemRenderer.write(request, response, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "The request body is larger than " + maxBytes + " bytes"));
            return;
        }
        if (limiters != null) {
            Optional<Duration> wait = limiters.acquire(caller(request));
            if (wait.isPresent()) {
                long retryAfter = Math.max(1, (wait.get().toNanos() + 999_999_999L) / 1_000_000_000L);
                ProblemRenderer.write(request, response, ApiProblem.tooManyRequests("Too many requests",
                        "Too many requests from this caller; retry in " + retryAfter + " s", retryAfter));
                return;
            }
        }
        chain.doFilter(maxBytes > 0 ? new CappedRequest(request, maxBytes) : request, response);
    }

    private static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return "sub:" + authentication.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }
}

package io.livecomplaints.support.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.security.*}: the HS256 secret that bearer tokens are signed with (only from the environment:
 * {@code COMPLAINTS_SECURITY_JWT_SECRET}), the paths open without a token (health, metrics, API docs), and the
 * roles required per path pattern ({@code path-roles}, in order, first match wins). Path roles are checked in the
 * filter chain, before the request is parsed, so a caller without the role gets 403 and never a validation error
 * that would tell them about the API; {@code @PreAuthorize} on the controllers stays as the method-level check.
 * {@code token-max-age} (24 h) bounds how old a token's {@code iat} may be, whatever its {@code exp} says. Metrics
 * are for the {@code scraper} (its own Basic credential) and operators only.
 */
@ConfigurationProperties("complaints.security")
public record SecurityProperties(String jwtSecret, List<String> publicPaths, Map<String, List<String>> pathRoles,
                                 Duration tokenMaxAge, Scraper scraper) {

    public SecurityProperties {
        scraper = scraper == null ? new Scraper(null, null) : scraper;
        tokenMaxAge = tokenMaxAge == null ? Duration.ofHours(24) : tokenMaxAge;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
        pathRoles = pathRoles == null ? Map.of() : pathRoles;
    }

    /**
     * The metrics scraper (Prometheus): HTTP Basic on {@code /actuator/prometheus} and {@code /actuator/metrics} only;
     * the password only from the environment ({@code COMPLAINTS_SECURITY_SCRAPER_PASSWORD}).
     */
    public record Scraper(String username, String password) {
        public Scraper {
            username = username == null || username.isBlank() ? "prometheus" : username;
        }
    }
}
